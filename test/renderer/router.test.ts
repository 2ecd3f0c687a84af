/** The hash router: every screen has an address that leads back to it, and an address that means nothing leads home. */
import { describe, expect, it } from 'vitest';
import { parseHash, routeHash, type Route } from '../../renderer/src/stores/app';

const routes: [string, Route][] = [
  ['#/', { name: 'home' }],
  ['#/e/eng-1/assessments', { name: 'engagement', engagementId: 'eng-1', tab: 'assessments' }],
  ['#/e/eng-1/people', { name: 'engagement', engagementId: 'eng-1', tab: 'people' }],
  ['#/e/eng-1/details', { name: 'engagement', engagementId: 'eng-1', tab: 'details' }],
  ['#/framework', { name: 'framework' }],
  ['#/framework/M3.4', { name: 'framework', capabilityId: 'M3.4' }],
  ['#/framework/data-platform-maturity/1.0.0', { name: 'framework', frameworkId: 'data-platform-maturity', version: '1.0.0' }],
  ['#/framework/acme-platform/1.2.0/M5.2', { name: 'framework', frameworkId: 'acme-platform', version: '1.2.0', capabilityId: 'M5.2' }],
  ['#/settings', { name: 'settings' }],
  ['#/e/eng-1/a/asm-1', { name: 'assessment', engagementId: 'eng-1', assessmentId: 'asm-1' }],
  ['#/e/eng-1/a/asm-1/M9.8', { name: 'assessment', engagementId: 'eng-1', assessmentId: 'asm-1', capabilityId: 'M9.8' }],
  ['#/e/eng-1/a/asm-1/activity', { name: 'assessment', engagementId: 'eng-1', assessmentId: 'asm-1', activity: true }],
  ['#/projector/eng-1/asm-1', { name: 'projector', engagementId: 'eng-1', assessmentId: 'asm-1' }],
  ['#/e/eng-1/roadmap/initiatives', { name: 'roadmap', engagementId: 'eng-1', tab: 'initiatives' }],
  ['#/e/eng-1/roadmap/compare', { name: 'roadmap', engagementId: 'eng-1', tab: 'compare' }],
  ['#/e/eng-1/roadmap/plan/scn-1', { name: 'roadmap', engagementId: 'eng-1', tab: 'plan', scenarioId: 'scn-1' }],
  // Ids with characters that need escaping survive the trip.
  ['#/e/Acme%20%26%20Co%2F1/a/Q1%3F', { name: 'assessment', engagementId: 'Acme & Co/1', assessmentId: 'Q1?' }],
];

describe('hash routes', () => {
  for (const [hash, route] of routes) {
    it(`${hash} is ${route.name} and back`, () => {
      expect(routeHash(route)).toBe(hash);
      expect(parseHash(hash)).toEqual(route);
      expect(parseHash(routeHash(route))).toEqual(route);
    });
  }

  it('reads an address without the leading slash or with a trailing one', () => {
    expect(parseHash('#settings')).toEqual({ name: 'settings' });
    expect(parseHash('#/e/eng-1/people/')).toEqual({ name: 'engagement', engagementId: 'eng-1', tab: 'people' });
  });

  it('an engagement address with an unknown tab opens its assessments', () => {
    expect(parseHash('#/e/eng-1/nonsense')).toEqual({ name: 'engagement', engagementId: 'eng-1', tab: 'assessments' });
  });

  it('an assessment address with something other than a capability after it opens the assessment', () => {
    expect(parseHash('#/e/eng-1/a/asm-1/not-a-capability')).toEqual({ name: 'assessment', engagementId: 'eng-1', assessmentId: 'asm-1' });
  });

  for (const junk of ['', '#', '#/', '#/nowhere', '#/e', '#/projector', '#/projector/eng-1', '#/%E0%A4%A', '#/e/%ZZ/people', '#//']) {
    it(`junk ${JSON.stringify(junk)} goes home`, () => {
      expect(parseHash(junk)).toEqual({ name: 'home' });
    });
  }
});
