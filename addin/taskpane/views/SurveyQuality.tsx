import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { QUALITY_REASONS, qualityReasonName, type Lang, type SipasResult } from '../../../engine';
import { count, fixed, index as indexText } from '../fmt';
import { si } from './insightStrings';

/**
 * The survey-quality guard per unit: responses flagged (by reason, on hover), set aside, and the
 * overall index without and with them; the effective sample size when responses were weighted.
 * Nothing is drawn for a result without response rows.
 * @example <SurveyQuality sipas={result} lang="vi" />
 */
export function SurveyQuality({ sipas, lang }: { sipas: SipasResult; lang: Lang }): JSX.Element | null {
  const units = sipas.units.filter((u) => !u.pooled && (u.quality !== undefined || u.weighting !== undefined));
  if (units.length === 0) return null;
  const flagged = units.filter((u) => (u.quality?.flagged ?? 0) > 0);
  const idx = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : indexText(x, lang));
  return (
    <section aria-label={si('insight.quality.title', lang)} data-testid="survey-quality">
      <Text weight="semibold">{si('insight.quality.title', lang)}</Text>
      {flagged.length === 0 ? <Text block>{si('insight.quality.none', lang)}</Text> : null}
      {flagged.length > 0 ? (
        <Table size="small" aria-label={si('insight.quality.title', lang)}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{si('insight.quality.unit', lang)}</TableHeaderCell>
              <TableHeaderCell>{si('insight.quality.flagged', lang)}</TableHeaderCell>
              <TableHeaderCell>{si('insight.quality.setAside', lang)}</TableHeaderCell>
              <TableHeaderCell>{si('insight.quality.without', lang)}</TableHeaderCell>
              <TableHeaderCell>{si('insight.quality.with', lang)}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {flagged.map((u) => {
              const q = u.quality;
              const why = QUALITY_REASONS.filter((x) => (q?.reasons[x] ?? 0) > 0)
                .map((x) => `${qualityReasonName(x, lang)}: ${count(q?.reasons[x] ?? 0, lang)}`)
                .join('; ');
              return (
                <TableRow key={u.unit} data-testid={`quality-${u.unit}`}>
                  <TableCell title={u.name}>{u.unit}</TableCell>
                  <TableCell title={why}>{count(q?.flagged ?? 0, lang)}</TableCell>
                  <TableCell>{count(q?.setAside ?? 0, lang)}</TableCell>
                  <TableCell>{idx(q?.overallWithout)}</TableCell>
                  <TableCell>{idx(q?.overallWith)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
      {units
        .filter((u) => u.weighting)
        .map((u) => (
          <Text block size={200} key={`w-${u.unit}`}>
            {u.unit}: {si('insight.quality.nEffective', lang, { n: fixed(u.weighting?.nEffective ?? 0, lang, 1) })}
          </Text>
        ))}
    </section>
  );
}
