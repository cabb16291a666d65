/**
 * SIPAS satisfaction engine: instrument as data, item/aspect/group/overall indices with 95%
 * intervals, weights, small-sample flags, gap to target, change from last year, drag analysis,
 * and the link to PAR INDEX survey-channel criteria.
 */
export { scoreSipas, SIPAS_TIE_EPSILON, type ScoreSipasOptions, type ScoreSipasOutput, type SipasUnitInfo } from './score';
export { sipasToSurveyIndices, sipasToSurveyIntervals, mergeSurveyIntervals, surveyIndicesFromSipas, previousFromResult } from './link';
export {
  validateSipasInstrument,
  builtinSipasInstrument,
  builtinSipasInstrumentData,
  instrumentItems,
  sipasInstrumentSchema,
  OVERALL_KEY,
  type SipasInstrument,
  type SipasInstrumentInput,
  type SipasGroup,
  type SipasAspect,
  type SipasItem,
} from './instrument';
export { sipasDocumentSchema, sipasCountSchema, sipasPreviousSchema, type SipasDocumentInput, type SipasResponse, type SipasCount, type SipasPrevious, type SipasAnswer } from './document';
export { sipasMethodSchema, aggregateMethodSchema, DEFAULT_METHOD, levelScores, Z95, type AggregateMethod, type ItemMethod, type SipasMethod, type SipasMethodInput } from './method';
export { answerCode, BLANK, INVALID } from './answer';
export { wilson, normalInterval } from './interval';
export { sipasTable, sipasUnitTable, sipasAggregationText, sipasItemText, sipasUnofficialCount, UNOFFICIAL_MARK, type SipasTableOptions } from './table';
export { guardRows, qualitySchema, qualitySettings, parseMoment, answerCodes, DEFAULT_QUALITY, QUALITY_REASONS, type QualityReason, type QualitySettings, type QualityInput, type GuardRow, type GuardResult } from './quality';
export { weightingSchema, populationSchema, weightUnit, populationFor, type WeightingInput, type WeightingSummary, type WeightRow, type Population } from './weighting';
export type * from './result';
