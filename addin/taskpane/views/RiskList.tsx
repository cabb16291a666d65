import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Text } from '@fluentui/react-components';
import { riskByUnit, t, type Issue, type Lang } from '../../../engine';
import { count, points } from '../fmt';
import { shortUnitName } from './names';
import { si } from './insightStrings';

/**
 * Appraisal risks per unit (`risk.*` issues of a score or an import): units by points at stake,
 * largest first; inside a unit, each criterion's risk by points at stake, in words. Other issues
 * are ignored, so the list of a round can be passed whole.
 * @example <RiskList issues={round.issues} lang="vi" unitName={(c) => names[c] ?? c} />
 */
export function RiskList({ issues, lang, unitName }: { issues: readonly Issue[]; lang: Lang; unitName?: (code: string) => string }): JSX.Element {
  const risks = issues.filter((i) => i.code.startsWith('risk.') && i.unit !== undefined);
  const totals = riskByUnit(risks);
  const units = [...totals.keys()].sort((a, b) => (totals.get(b)?.points ?? 0) - (totals.get(a)?.points ?? 0) || a.localeCompare(b));
  const name = (code: string): string => unitName?.(code) ?? code;
  return (
    <section aria-label={si('insight.risk.title', lang)} data-testid="risk-list">
      <Text weight="semibold">{si('insight.risk.title', lang)}</Text>
      {units.length === 0 ? (
        <Text block>{si('insight.risk.none', lang)}</Text>
      ) : (
        <Accordion multiple collapsible defaultOpenItems={units.slice(0, 1)}>
          {units.map((u) => {
            const total = totals.get(u) ?? { points: 0, count: 0 };
            return (
              <AccordionItem key={u} value={u} data-testid={`risk-unit-${u}`}>
                <AccordionHeader size="small">
                  <span title={`${name(u)} (${u})`}>{`${u} — ${shortUnitName(name(u))}`}</span>&nbsp;
                  <Badge appearance="filled" color="warning">
                    {si('insight.risk.unitTotal', lang, { count: count(total.count, lang), points: points(total.points, lang) })}
                  </Badge>
                </AccordionHeader>
                <AccordionPanel>
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {risks
                      .filter((i) => i.unit === u)
                      .map((i, n) => (
                        <li key={n}>
                          <Text weight="semibold">{si('insight.risk.criterion', lang, { criterion: i.criterion ?? '' })}: </Text>
                          <Text>{t(i.code, i.params, lang)}</Text>
                        </li>
                      ))}
                  </ul>
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      )}
    </section>
  );
}
