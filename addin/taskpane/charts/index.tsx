/**
 * The charts as the views use them: each a React.lazy component over ./Charts (one chunk,
 * "charts", with @fluentui/react-charts and d3 — fetched the first time a chart is shown, so the
 * pane's initial JavaScript stays small), inside a Suspense that says it is loading and an error
 * boundary that says the chart could not be drawn (the numbers stay in the tables) instead of
 * breaking the view.
 */
import { Component, lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { Text } from '@fluentui/react-components';
import type { LeadLossChartProps, PlanStatusChartProps, ProfileChartProps, RankingChartProps, SipasChartProps } from './Charts';

type ChartsModule = typeof import('./Charts');

const load = (): Promise<ChartsModule> => import(/* webpackChunkName: "charts" */ './Charts');

function lazyChart<P extends object>(pick: (m: ChartsModule) => ComponentType<P>): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: pick(await load()) }));
}

const Ranking = lazyChart<RankingChartProps>((m) => m.RankingChart);
const Profile = lazyChart<ProfileChartProps>((m) => m.ProfileChart);
const LeadLoss = lazyChart<LeadLossChartProps>((m) => m.LeadLossChart);
const Sipas = lazyChart<SipasChartProps>((m) => m.SipasChart);
const PlanStatus = lazyChart<PlanStatusChartProps>((m) => m.PlanStatusChart);

class ChartBoundary extends Component<{ failed: string; children: ReactNode }, { error: boolean }> {
  override state = { error: false };
  static getDerivedStateFromError(): { error: boolean } {
    return { error: true };
  }
  override render(): ReactNode {
    return this.state.error ? (
      <Text size={200} data-testid="chart-failed">
        {this.props.failed}
      </Text>
    ) : (
      this.props.children
    );
  }
}

/** Texts every chart frame needs: while loading, and when the chart cannot be drawn. */
export interface ChartFrameText {
  loading: string;
  failed: string;
}

function Framed({ frame, children }: { frame: ChartFrameText; children: ReactNode }): JSX.Element {
  return (
    <ChartBoundary failed={frame.failed}>
      <Suspense fallback={<Text size={200}>{frame.loading}</Text>}>{children}</Suspense>
    </ChartBoundary>
  );
}

type WithFrame<P> = P & { frame: ChartFrameText };

export function RankingChart(p: WithFrame<RankingChartProps>): JSX.Element {
  return (
    <Framed frame={p.frame}>
      <Ranking {...p} />
    </Framed>
  );
}
export function ProfileChart(p: WithFrame<ProfileChartProps>): JSX.Element {
  return (
    <Framed frame={p.frame}>
      <Profile {...p} />
    </Framed>
  );
}
export function LeadLossChart(p: WithFrame<LeadLossChartProps>): JSX.Element {
  return (
    <Framed frame={p.frame}>
      <LeadLoss {...p} />
    </Framed>
  );
}
export function SipasChart(p: WithFrame<SipasChartProps>): JSX.Element {
  return (
    <Framed frame={p.frame}>
      <Sipas {...p} />
    </Framed>
  );
}
export function PlanStatusChart(p: WithFrame<PlanStatusChartProps>): JSX.Element {
  return (
    <Framed frame={p.frame}>
      <PlanStatus {...p} />
    </Framed>
  );
}
