/** Builds the deck model of an assessment (and its roadmap scenario): the sections asked for, in deck order, in the engagement's colours. */
import { anonymiser, type AnonymiseOptions } from './anonymise';
import { bare, footerText, levelScale, readableOnWhite, textOn, type Branding } from './branding';
import { DECK_SECTIONS, GRID, SLIDE, type Deck, type DeckSectionId, type DeckTheme, type Slide } from './deck';
import { fit, SECTION_BUILDERS, type SectionContext } from './deck-sections';
import { reportFigures, type ReportInput } from './input';

export interface DeckOptions extends Partial<AnonymiseOptions> {
  /** Sections to include (deck order is kept whatever the order given); every available one when absent. */
  sections?: readonly DeckSectionId[];
}

export function deckTheme(b: Pick<Branding, 'primaryColor' | 'accentColor'>): DeckTheme {
  const levels = levelScale(b.primaryColor, b.accentColor);
  return {
    primary: bare(b.primaryColor),
    primaryText: readableOnWhite(b.primaryColor),
    accent: bare(b.accentColor),
    accentText: readableOnWhite(b.accentColor),
    text: '1A202C',
    muted: '5F6B7A',
    line: 'D5DAE1',
    panel: 'F3F5F8',
    header: bare(b.primaryColor),
    headerText: textOn(b.primaryColor),
    levels,
    levelText: levels.map((l) => textOn(`#${l}`)) as DeckTheme['levelText'],
    notApplicable: 'E2E5EA',
    warning: 'B42318',
    font: 'Calibri',
  };
}

/**
 * Section ids that can be drawn from the input: the results sections always; the roadmap sections with a
 * scenario; the scenario comparison with two scenarios or more.
 */
export function availableSections(input: Pick<ReportInput, 'scenario' | 'compare'> = {}): DeckSectionId[] {
  return DECK_SECTIONS.filter((s) => s.needs === 'results' || (input.scenario && (s.id !== 'scenarios' || (input.compare?.length ?? 0) >= 2))).map((s) => s.id);
}

/** Title and lead sizes of a content slide (points), and the width a logo takes from the title. */
export const TITLE_SIZE = 24;
/** A title too long for its line at the usual size. */
export const SMALL_TITLE_SIZE = 19;
export const LEAD_SIZE = 13;
export const LOGO_ROOM = 1.9;

/** Every title and lead cut to one line of its box, so no slide's heading runs over. */
function fitHeadings(slide: Slide, hasLogo: boolean): Slide {
  if (slide.kind === 'title') return slide;
  const width = SLIDE.w - GRID.left - GRID.right;
  const titleWidth = width - (hasLogo ? LOGO_ROOM : 0);
  const small = fit(slide.title, titleWidth, TITLE_SIZE, 1, true) !== slide.title;
  return {
    ...slide,
    title: fit(slide.title, titleWidth, small ? SMALL_TITLE_SIZE : TITLE_SIZE, 1, true),
    ...(small ? { titleSize: SMALL_TITLE_SIZE } : {}),
    ...(slide.lead !== undefined ? { lead: fit(slide.lead, width, LEAD_SIZE) } : {}),
  };
}

export function buildDeck(input: ReportInput, options: DeckOptions = {}): Deck {
  const available = new Set(availableSections(input));
  const wanted = new Set((options.sections ?? [...available]).filter((id) => available.has(id)));
  const anon = anonymiser(input.participants, input.businessUnits, { anonymise: !!options.anonymise, businessUnitNames: options.businessUnitNames });
  const theme = deckTheme(input.branding);
  const ctx: SectionContext = { input, figures: reportFigures(input), theme, anon };
  const sections = DECK_SECTIONS.filter((s) => wanted.has(s.id)).map((s) => ({
    id: s.id,
    title: s.title,
    slides: SECTION_BUILDERS[s.id](ctx).map((slide) => fitHeadings(slide, !!input.branding.logo)),
  }));
  const logo = input.branding.logo;
  return {
    title: `${input.engagement.client}: data platform maturity, ${input.assessment.label}`,
    subject: `Maturity assessment ${input.assessment.label} (${input.framework.name} ${input.framework.version})`,
    company: input.engagement.client,
    client: input.engagement.client,
    footerCentre: `${input.engagement.client} · ${input.assessment.label}`,
    footer: footerText(input.branding, input.engagement.client),
    theme,
    logo: logo ? { dataUrl: `${logo.mime};base64,${logo.dataBase64}`, width: logo.width, height: logo.height } : null,
    sections,
  };
}
