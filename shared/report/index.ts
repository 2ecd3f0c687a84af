/**
 * What goes into an export, as data: the deck and the workbook of an assessment, the pre-workshop
 * survey and how a returned one is read. Pure: drawn into files by electron/core/export/.
 */
export * from './anonymise';
export * from './branding';
export * from './build-deck';
export * from './build-workbook';
export * from './deck';
export * from './deck-sections';
export * from './format';
export * from './input';
export * from './messages';
export * from './survey';
export * from './workbook';
export * from './outcomes';
