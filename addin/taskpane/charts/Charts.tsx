/**
 * The pane's charts, drawn with @fluentui/react-charts (Fluent UI v9's own charts). This module
 * is its own lazy chunk ("charts": the chart library and d3 are fetched the first time a chart is
 * shown, never at start-up); ./index.tsx loads it with React.lazy. Every chart fits the width of
 * its container (the pane is 320–350 px in Excel) and says what it shows in its aria-label; the
 * numbers stay in the view's tables beside it.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { makeStaticStyles } from '@fluentui/react-components';
import { DonutChart, GanttChart, GroupedVerticalBarChart, HorizontalBarChartWithAxis, VerticalStackedBarChart, type ChartAnnotation } from '@fluentui/react-charts';
import { formatNumber, type Lang } from '../../../engine';
import { fixed, index as indexText, points } from '../fmt';
import type { AspectInterval, Bar, LeadLoss, ProfileArea, StatusCount } from './data';

const BLUE = '#0F6CBD';
const GREEN = '#107C10';
const ORANGE = '#C50F1F';
const AMBER = '#F7630C';
const GREY = '#8A8886';
const PURPLE = '#8764B8';
const LIGHT_BLUE = '#A9D3F2';
const LIGHT_GREEN = '#9FD89F';
const LIGHT_RED = '#EEACB2';
const DARK = '#242424';
const STATUS_COLOURS: Readonly<Record<string, string>> = { done: GREEN, onTrack: BLUE, late: ORANGE, notStarted: AMBER, notReported: GREY };

/**
 * The chart library capitalises every word of its legends ("Bình Quân Phường"): Vietnamese is
 * written as it is.
 */
const useLegendCase = makeStaticStyles({ '[data-chart="fluent"] button, [data-chart="fluent"] button *, [data-chart="fluent"] div': { textTransform: 'none !important' } as Record<string, string> });

/** The width of the element, followed as the pane is resized. */
function useWidth(): [React.RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const measure = (): void => setWidth(Math.floor(el.getBoundingClientRect().width));
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

interface LegendItem {
  label: string;
  color: string;
  /** A dashed line (the target) rather than a swatch. */
  line?: boolean;
}

/** The chart's legend, ours: the library's capitalises every word and overflows into "+2 more". */
function Legend({ items }: { items: readonly LegendItem[] }): JSX.Element {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 12px', fontSize: 12, marginTop: 2 }}>
      {items.map((i) => (
        <span key={i.label} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          {i.line ? (
            <span style={{ display: 'inline-block', width: 18, borderTop: `2px dashed ${i.color}` }} />
          ) : (
            <span style={{ display: 'inline-block', width: 10, height: 10, backgroundColor: i.color }} />
          )}
          {i.label}
        </span>
      ))}
    </div>
  );
}

/**
 * A chart at the container's width. Cartesian charts take their height from their container (and
 * fall back to 350 px when it has none): `height` is given to both.
 */
function Frame({
  testId,
  label,
  title,
  height,
  legend,
  children,
}: {
  testId: string;
  label: string;
  title: string;
  height: number;
  legend?: readonly LegendItem[];
  children: (width: number) => ReactNode;
}): JSX.Element {
  const [ref, width] = useWidth();
  useLegendCase();
  return (
    <figure ref={ref} aria-label={label} data-testid={testId} data-chart="fluent" style={{ margin: '4px 0', width: '100%', minWidth: 0, overflow: 'hidden' }}>
      <figcaption style={{ fontWeight: 600, fontSize: 13, margin: '0 0 4px' }}>{title}</figcaption>
      <div style={{ height, width: '100%' }}>{width > 0 ? children(width) : null}</div>
      {legend ? <Legend items={legend} /> : null}
    </figure>
  );
}

/** Pixels a short label needs at the axis' 12 px bold (a rough width per character). */
function labelWidth(labels: readonly string[]): number {
  const longest = labels.reduce((m, l) => Math.max(m, l.length), 0);
  return Math.min(150, Math.max(40, Math.round(longest * 6.6) + 14));
}

const tick =
  (lang: Lang) =>
  (d: number): string =>
    formatNumber(d, lang, 0);

/** The chart's own words (bar legends), Vietnamese first. */
function s(lang: Lang, vi: string, en: string): string {
  return lang === 'vi' ? vi : en;
}

export interface RankingChartProps {
  bars: readonly Bar[];
  target: number;
  title: string;
  targetLabel: string;
  indexLabel: string;
  /** Legend of the index's 95% interval, shown when some bar has one ("Khoảng tin cậy 95%"). */
  intervalLabel?: string;
  lang: Lang;
  onSelect?: (code: string) => void;
}

/**
 * Index by unit, best at the top: bars at or above the target in green, below it in red, the
 * target as a dashed line across the plot (drawn as an annotation's connector from the top of the
 * plot to the target on the axis). When survey-derived points carry sampling error, each bar
 * shows its 95% interval (see RankingIntervals).
 */
export function RankingChart(p: RankingChartProps): JSX.Element {
  if (p.bars.some((b) => b.low !== undefined && b.high !== undefined)) return <RankingIntervals {...p} />;
  const slot = p.bars.length > 30 ? 16 : 24;
  const top = 10;
  const bottom = 28;
  const height = top + bottom + p.bars.length * slot;
  const left = labelWidth(p.bars.map((b) => b.label));
  const above = s(p.lang, 'Đạt mục tiêu', 'At or above target');
  const below = s(p.lang, 'Dưới mục tiêu', 'Below target');
  return (
    <Frame
      testId="chart-ranking"
      title={p.title}
      label={`${p.title}: ${p.bars.map((b) => `${b.label} ${indexText(b.value, p.lang)}`).join('; ')}`}
      height={height}
      legend={[
        { label: above, color: GREEN },
        { label: below, color: ORANGE },
        { label: p.targetLabel, color: BLUE, line: true },
      ]}
    >
      {(width) => (
        <HorizontalBarChartWithAxis
          width={width}
          height={height}
          hideLegend
          // the library draws the first point at the bottom
          data={[...p.bars].reverse().map((b) => ({
            y: b.label,
            x: b.value,
            color: b.value >= p.target ? GREEN : ORANGE,
            legend: b.value >= p.target ? above : below,
            xAxisCalloutData: b.full,
            yAxisCalloutData: indexText(b.value, p.lang),
            ...(p.onSelect ? { onClick: () => p.onSelect?.(b.code) } : {}),
          }))}
          xMinValue={0}
          xMaxValue={100}
          xAxisTickCount={5}
          barHeight={Math.round(slot * 0.6)}
          hideLabels
          noOfCharsToTruncate={40}
          showYAxisLablesTooltip
          margins={{ top, right: 12, bottom, left }}
          annotations={[targetLine(p.target, height - top - bottom, p.targetLabel)]}
          culture={p.lang === 'vi' ? 'vi-VN' : 'en-GB'}
        />
      )}
    </Frame>
  );
}

/**
 * The ranking with each index's 95% interval as a range marker on its bar: solid up to the low
 * end of the interval, pale across the interval, a dark tick at the index itself. The colour says
 * whether the index reaches the target. A bar without sampling error is solid to its index. Drawn
 * with the Gantt chart (bars from a start to an end), as the SIPAS aspects are.
 */
function RankingIntervals(p: RankingChartProps): JSX.Element {
  const slot = p.bars.length > 30 ? 16 : 24;
  const top = 10;
  const bottom = 28;
  const height = top + bottom + p.bars.length * slot;
  const left = labelWidth(p.bars.map((b) => b.label));
  const mark = 0.6;
  const above = s(p.lang, 'Đạt mục tiêu', 'At or above target');
  const below = s(p.lang, 'Dưới mục tiêu', 'Below target');
  const interval = p.intervalLabel ?? s(p.lang, 'Khoảng tin cậy 95%', '95% interval');
  const range = (b: Bar): string => (b.low !== undefined && b.high !== undefined ? ` (${fixed(b.low, p.lang, 2)}–${fixed(b.high, p.lang, 2)})` : '');
  return (
    <Frame
      testId="chart-ranking"
      title={p.title}
      label={`${p.title}: ${p.bars.map((b) => `${b.label} ${indexText(b.value, p.lang)}${range(b)}`).join('; ')}`}
      height={height}
      legend={[
        { label: above, color: GREEN },
        { label: below, color: ORANGE },
        { label: interval, color: LIGHT_GREEN },
        { label: p.indexLabel, color: DARK },
        { label: p.targetLabel, color: BLUE, line: true },
      ]}
    >
      {(width) => (
        <GanttChart
          width={width}
          height={height}
          hideLegend
          data={p.bars.flatMap((b) => {
            const reached = b.value >= p.target;
            const common = {
              y: b.label,
              yAxisCalloutData: b.full,
              ...(p.onSelect ? { onClick: () => p.onSelect?.(b.code) } : {}),
            };
            const low = b.low ?? b.value;
            const high = b.high ?? b.value;
            const points = [{ ...common, x: { start: 0, end: Math.max(low, 0.01) }, legend: reached ? above : below, color: reached ? GREEN : ORANGE, xAxisCalloutData: indexText(b.value, p.lang) }];
            if (high > low)
              points.push(
                { ...common, x: { start: low, end: high }, legend: interval, color: reached ? LIGHT_GREEN : LIGHT_RED, xAxisCalloutData: `${fixed(low, p.lang, 2)} – ${fixed(high, p.lang, 2)}` },
                { ...common, x: { start: b.value - mark / 2, end: b.value + mark / 2 }, legend: p.indexLabel, color: DARK, xAxisCalloutData: indexText(b.value, p.lang) },
              );
            return points;
          })}
          xMinValue={0}
          xMaxValue={100}
          xAxisTickCount={5}
          barHeight={Math.round(slot * 0.6)}
          margins={{ top, right: 12, bottom, left }}
          annotations={[targetLine(p.target, height - top - bottom, p.targetLabel)]}
          noOfCharsToTruncate={40}
          showYAxisLablesTooltip
          culture={p.lang === 'vi' ? 'vi-VN' : 'en-GB'}
        />
      )}
    </Frame>
  );
}

export interface ProfileChartProps {
  areas: readonly ProfileArea[];
  unitLabel: string;
  averageLabel: string;
  title: string;
  lang: Lang;
}

/** A unit's index by area (area codes on the axis, names on hover) next to its kind's average. */
export function ProfileChart(p: ProfileChartProps): JSX.Element {
  return (
    <Frame
      testId="chart-profile"
      title={p.title}
      height={200}
      legend={[
        { label: p.unitLabel, color: BLUE },
        { label: p.averageLabel, color: PURPLE },
      ]}
      label={`${p.title}: ${p.areas.map((a) => `${a.code} ${a.name}: ${indexText(a.unit, p.lang)} / ${indexText(a.average, p.lang)}`).join('; ')}`}
    >
      {(width) => (
        <GroupedVerticalBarChart
          width={width}
          height={200}
          hideLegend
          data={p.areas.map((a) => ({
            name: a.code,
            series: [
              { key: 'unit', data: a.unit, legend: p.unitLabel, color: BLUE, xAxisCalloutData: `${a.code}. ${a.name}`, yAxisCalloutData: indexText(a.unit, p.lang) },
              { key: 'average', data: a.average, legend: p.averageLabel, color: PURPLE, xAxisCalloutData: `${a.code}. ${a.name}`, yAxisCalloutData: indexText(a.average, p.lang) },
            ],
          }))}
          yMinValue={0}
          yMaxValue={100}
          yAxisTickCount={5}
          yAxisTickFormat={tick(p.lang)}
          hideLabels
          barWidth="auto"
          maxBarWidth={16}
          margins={{ top: 12, right: 8, bottom: 32, left: 32 }}
          culture={p.lang === 'vi' ? 'vi-VN' : 'en-GB'}
        />
      )}
    </Frame>
  );
}

export interface LeadLossChartProps {
  rows: readonly LeadLoss[];
  title: string;
  recoverableLabel: string;
  notRecoverableLabel: string;
  lang: Lang;
}

/** One stacked column per lead unit (its code; the name on hover): points recoverable and not. */
export function LeadLossChart(p: LeadLossChartProps): JSX.Element {
  return (
    <Frame
      testId="chart-lead"
      title={p.title}
      height={200}
      legend={[
        { label: p.recoverableLabel, color: AMBER },
        { label: p.notRecoverableLabel, color: GREY },
      ]}
      label={`${p.title}: ${p.rows.map((r) => `${r.full} ${points(r.lost, p.lang)}`).join('; ')}`}
    >
      {(width) => (
        <VerticalStackedBarChart
          width={width}
          height={200}
          hideLegend
          data={p.rows.map((r) => ({
            xAxisPoint: r.lead || '—',
            xAxisCalloutData: `${r.full}: ${points(r.lost, p.lang)}`,
            chartData: [
              { legend: p.recoverableLabel, data: r.recoverable, color: AMBER, yAxisCalloutData: points(r.recoverable, p.lang) },
              { legend: p.notRecoverableLabel, data: Math.max(0, r.lost - r.recoverable), color: GREY, yAxisCalloutData: points(Math.max(0, r.lost - r.recoverable), p.lang) },
            ],
          }))}
          hideLabels
          yAxisTickFormat={tick(p.lang)}
          barWidth="auto"
          maxBarWidth={28}
          margins={{ top: 12, right: 8, bottom: 30, left: 36 }}
          culture={p.lang === 'vi' ? 'vi-VN' : 'en-GB'}
        />
      )}
    </Frame>
  );
}

export interface SipasChartProps {
  aspects: readonly AspectInterval[];
  title: string;
  indexLabel: string;
  intervalLabel: string;
  /** The survey's target (dashed line). */
  target: number;
  targetLabel: string;
  lang: Lang;
}

/** A dashed line across the plot at `x` (an annotation whose connector runs from the top of the plot down to the axis). */
function targetLine(x: number, plotHeight: number, label: string): ChartAnnotation {
  return {
    id: 'target',
    text: '\u00a0',
    coordinates: { type: 'mixed', xCoordinateType: 'data', yCoordinateType: 'relative', x, y: 1 },
    layout: { verticalAlign: 'bottom', align: 'center', offsetY: -plotHeight, clipToBounds: false },
    connector: { strokeColor: BLUE, dashArray: '4 3', strokeWidth: 2, arrow: 'none', startPadding: 0, endPadding: 0 },
    style: { fontSize: '1px', padding: '0', borderWidth: 0, backgroundColor: 'transparent', boxShadow: 'none' },
    accessibility: { ariaLabel: label },
  };
}

/** An aspect's name short enough for the axis (the full name on hover). */
function shortAspect(name: string): string {
  return name.length > 20 ? `${name.slice(0, 18)}…` : name;
}

/** SIPAS aspects: the 95% interval as a light bar, the index as a dark mark inside it. */
export function SipasChart(p: SipasChartProps): JSX.Element {
  const lowest = p.aspects.reduce((m, a) => Math.min(m, a.low), p.target);
  const lo = Math.max(0, Math.floor(lowest / 10) * 10 - 10);
  const mark = 0.6;
  const top = 12;
  const bottom = 32;
  const height = top + bottom + Math.max(3, p.aspects.length) * 30;
  return (
    <Frame
      testId="chart-sipas"
      title={p.title}
      height={height}
      legend={[
        { label: p.indexLabel, color: BLUE },
        { label: p.intervalLabel, color: LIGHT_BLUE },
        { label: p.targetLabel, color: BLUE, line: true },
      ]}
      label={`${p.title}: ${p.aspects.map((a) => `${a.name} ${indexText(a.index, p.lang)} (${fixed(a.low, p.lang, 2)}–${fixed(a.high, p.lang, 2)})`).join('; ')}`}
    >
      {(width) => (
        <GanttChart
          width={width}
          height={height}
          hideLegend
          data={p.aspects.flatMap((a) => {
            const label = shortAspect(a.name);
            return [
              {
                y: label,
                x: { start: a.low, end: Math.max(a.high, a.low + 0.01) },
                legend: p.intervalLabel,
                color: LIGHT_BLUE,
                yAxisCalloutData: `${a.code}. ${a.name}`,
                xAxisCalloutData: `${fixed(a.low, p.lang, 2)} – ${fixed(a.high, p.lang, 2)}`,
              },
              {
                y: label,
                x: { start: a.index - mark / 2, end: a.index + mark / 2 },
                legend: p.indexLabel,
                color: BLUE,
                yAxisCalloutData: `${a.code}. ${a.name}`,
                xAxisCalloutData: indexText(a.index, p.lang),
              },
            ];
          })}
          xMinValue={lo}
          xMaxValue={100}
          xAxisTickCount={4}
          barHeight={14}
          margins={{ top, right: 12, bottom, left: labelWidth(p.aspects.map((a) => shortAspect(a.name))) }}
          annotations={[targetLine(p.target, height - top - bottom, p.targetLabel)]}
          noOfCharsToTruncate={40}
          showYAxisLablesTooltip
          culture={p.lang === 'vi' ? 'vi-VN' : 'en-GB'}
        />
      )}
    </Frame>
  );
}

export interface PlanStatusChartProps {
  counts: readonly StatusCount[];
  title: string;
  statusText: (status: string) => string;
  lang: Lang;
}

/** Plan tasks by status as a donut, the number of tasks inside. */
export function PlanStatusChart(p: PlanStatusChartProps): JSX.Element {
  const total = p.counts.reduce((t, c) => t + c.count, 0);
  return (
    <Frame testId="chart-plan" title={p.title} height={250} label={`${p.title}: ${p.counts.map((c) => `${p.statusText(c.status)} ${formatNumber(c.count, p.lang, 0)}`).join('; ')}`}>
      {(width) => (
        <DonutChart
          width={Math.min(width, 320)}
          height={250}
          innerRadius={50}
          valueInsideDonut={formatNumber(total, p.lang, 0)}
          hideLabels={false}
          culture={p.lang === 'vi' ? 'vi-VN' : 'en-GB'}
          legendProps={{ allowFocusOnLegends: true, canSelectMultipleLegends: false, enabledWrapLines: true }}
          data={{
            chartData: p.counts.map((c) => ({
              legend: `${p.statusText(c.status)} (${formatNumber(c.count, p.lang, 0)})`,
              data: c.count,
              color: STATUS_COLOURS[c.status] ?? GREY,
              yAxisCalloutData: formatNumber(c.count, p.lang, 0),
            })),
          }}
        />
      )}
    </Frame>
  );
}
