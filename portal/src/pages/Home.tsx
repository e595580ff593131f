import { pot, requests, topics, unitPath } from '../chain';
import { Section } from '../components/Section';
import { Who, WhoList } from '../components/Who';
import { useLive } from '../hooks';
import { t } from '../i18n';
import { me } from '../state';

/** My community and its officers, today's free actions, and what needs me now. */
export function Home() {
  const m = me.value;
  const community = m?.community;
  const path = useLive((c) => (community !== undefined ? unitPath(c, community) : Promise.resolve([])), [community]);
  const needs = useLive(async (c, who) => {
    if (community === undefined) return undefined;
    const [ts, p, rs] = await Promise.all([topics(c, community, who), pot(c, community, who), requests(c, community)]);
    return {
      voting: ts.filter((x) => x.phase === 'voting' && !x.myBallot).length,
      gathering: ts.filter((x) => x.phase === 'gathering' && !x.supportedByMe).length,
      notice: p?.spends.filter((s) => s.status === 'notice').length ?? 0,
      help: rs.filter((r) => r.status === 'open').length,
    };
  }, [community]);
  if (!m) return <p class="hint">{t('home.chooseAccount')}</p>;
  const unit = path?.[path.length - 1];
  return (
    <>
      <Section id="community" title={t('home.myCommunity')}>
        {community === undefined ? (
          <p data-testid="not-resident">{t('home.notResident')}</p>
        ) : (
          <>
            <p class="big" data-testid="community-name">{unit?.name ?? '…'}</p>
            {path && <p class="muted">{path.map((u) => u.name).join(' › ')}</p>}
            {unit && (
              <p>{t('home.secretary')}: <Who address={unit.secretary} />
                {unit.committee.length > 0 && <> · {t('home.committee')}: <WhoList addresses={unit.committee} /></>}
                {' · '}{t('home.residents', { n: unit.residents })}</p>
            )}
          </>
        )}
        <p data-testid="free-left">{t('home.freeLeft', { n: m.freeLeft, quota: m.quota })}</p>
        {m.roles.length > 0 && (
          <p>{t('home.roles')}: {m.roles.map((r) => t(`roles.${r.role}`)).join('、')}</p>
        )}
      </Section>
      {needs && (
        <Section id="needs" title={t('home.needsMe')}>
          <ul class="needs">
            <li><a href="#/topics">{t('home.toVote', { n: needs.voting })}</a></li>
            <li><a href="#/topics">{t('home.toSupport', { n: needs.gathering })}</a></li>
            <li><a href="#/money">{t('home.inNotice', { n: needs.notice })}</a></li>
            <li><a href="#/help">{t('home.helpOpen', { n: needs.help })}</a></li>
          </ul>
        </Section>
      )}
    </>
  );
}
