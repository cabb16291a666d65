/**
 * The insight panels (rank certainty, appraisal risks, survey quality, the years) as lazy components: they
 * use the engine's catalogue and scoring code (zod, mathjs), which would otherwise join the pane's
 * initial JavaScript (≈ 510 KB gzip instead of ≈ 190 KB, over the 400 KB budget). They show only
 * after a compute or an import, when the engine is loaded anyway; while their chunk arrives they
 * show nothing.
 */
import { lazy, Suspense, type ComponentProps } from 'react';

const RankCertaintyChunk = lazy(async () => ({ default: (await import(/* webpackChunkName: "insight" */ './RankCertainty')).RankCertainty }));
const RiskListChunk = lazy(async () => ({ default: (await import(/* webpackChunkName: "insight" */ './RiskList')).RiskList }));
const YearsTableChunk = lazy(async () => ({ default: (await import(/* webpackChunkName: "insight" */ './YearsTable')).YearsTable }));
const SurveyQualityChunk = lazy(async () => ({ default: (await import(/* webpackChunkName: "insight" */ './SurveyQuality')).SurveyQuality }));

export function RankCertainty(props: ComponentProps<typeof RankCertaintyChunk>): JSX.Element {
  return (
    <Suspense fallback={null}>
      <RankCertaintyChunk {...props} />
    </Suspense>
  );
}

export function RiskList(props: ComponentProps<typeof RiskListChunk>): JSX.Element {
  return (
    <Suspense fallback={null}>
      <RiskListChunk {...props} />
    </Suspense>
  );
}

export function SurveyQuality(props: ComponentProps<typeof SurveyQualityChunk>): JSX.Element {
  return (
    <Suspense fallback={null}>
      <SurveyQualityChunk {...props} />
    </Suspense>
  );
}

export function YearsTable(props: ComponentProps<typeof YearsTableChunk>): JSX.Element {
  return (
    <Suspense fallback={null}>
      <YearsTableChunk {...props} />
    </Suspense>
  );
}
