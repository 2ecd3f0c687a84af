/**
 * The results model: what an assessment adds up to, computed once as pure functions that the
 * screens, the roadmap planner and the PowerPoint/Excel exports all draw from.
 */
export * from './input';
export * from './means';
export * from './stats';
export * from './ranking';
export * from './assessment';
export * from './charts';
export * from './trend';
export * from './portfolio';
export * from './views';
