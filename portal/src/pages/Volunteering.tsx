import { useState } from 'preact/hooks';
import { actions, activities, credits } from '../chain';
import { Section } from '../components/Section';
import { TxProgress } from '../components/TxProgress';
import { useAction, useLive } from '../hooks';
import { t } from '../i18n';
import { chain, me } from '../state';

/** My minutes, hours and stars; activities to sign up for; giving minutes to a neighbour. */
export function Volunteering() {
  const community = me.value?.community;
  const mine = useLive((c, who) => (who ? credits(c, who) : Promise.resolve(undefined)));
  const list = useLive((c, who) => (community !== undefined ? activities(c, community, who) : Promise.resolve([])), [community]);
  const isVolunteer = me.value?.roles.some((r) => r.role === 'Volunteer') ?? false;
  if (!mine) return <p class="hint">{t('money.loading')}</p>;
  const hours = Math.floor(mine.lifetime / 60);
  const next = mine.thresholds[mine.stars];
  return (
    <>
      <Section id="credits" title={t('volunteer.mine')}>
        <p class="big" data-testid="credit-balance">{t('volunteer.balance', { n: mine.balance })}</p>
        <p data-testid="stars" aria-label={t('volunteer.starsLabel', { n: mine.stars })}>
          {'★'.repeat(mine.stars)}{'☆'.repeat(Math.max(0, mine.thresholds.length - mine.stars))} {t('volunteer.hours', { n: hours })}
        </p>
        {next !== undefined && (
          <>
            <p>{t('volunteer.toNext', { n: Math.max(0, next - hours) })}</p>
            <progress max={next * 60} value={mine.lifetime} aria-label={t('volunteer.progress')} />
          </>
        )}
      </Section>
      <Section id="activities" title={t('volunteer.activities')}>
        {(list ?? []).length === 0 ? <p class="hint">{t('volunteer.noActivities')}</p>
          : (list ?? []).map((a) => <ActivityRow key={a.id} id={a.id} title={a.title} volunteers={a.volunteers} signedUp={a.signedUp} canSign={isVolunteer && a.open} />)}
      </Section>
      <Section id="history" title={t('volunteer.history')}>
        {mine.history.length === 0 ? <p class="hint">{t('volunteer.noHistory')}</p> : (
          <table>
            <caption class="sr-only">{t('volunteer.history')}</caption>
            <thead><tr><th scope="col">{t('money.block')}</th><th scope="col">{t('volunteer.kind')}</th><th scope="col">{t('volunteer.minutes')}</th></tr></thead>
            <tbody>{mine.history.map((h, i) => (
              <tr key={i}><td>#{h.block}</td><td>{t(`volunteer.kinds.${h.kind}`)}</td><td class="num">{h.incoming ? '+' : '−'}{h.minutes}</td></tr>
            ))}</tbody>
          </table>
        )}
      </Section>
      <Redeem />
      <GiveMinutes />
    </>
  );
}

function ActivityRow({ id, title, volunteers, signedUp, canSign }: { id: number; title: string; volunteers: number; signedUp: boolean; canSign: boolean }) {
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  return (
    <article class="activity" data-testid={`activity-${id}`}>
      <h3>{title}</h3>
      <p class="muted">{t('volunteer.signedUpCount', { n: volunteers })}</p>
      {signedUp ? <span class="mine">{t('volunteer.signedUp')}</span> : canSign && (
        <button type="button" disabled={action.busy} onClick={() => action.run(actions(c).signUp(id))}>{t('volunteer.signUp')}</button>
      )}
      <TxProgress stage={action.stage} />
    </article>
  );
}

function GiveMinutes() {
  const [to, setTo] = useState('');
  const [minutes, setMinutes] = useState('');
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  const n = Number.parseInt(minutes, 10);
  return (
    <Section id="give" title={t('volunteer.give')}>
      <p class="hint">{t('volunteer.giveHint')}</p>
      <form onSubmit={(e) => { e.preventDefault(); void action.run(actions(c).donateCredits(to.trim(), n)); }}>
        <label for="give-to">{t('volunteer.giveTo')}</label>
        <input id="give-to" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} />
        <label for="give-minutes">{t('volunteer.minutes')}</label>
        <input id="give-minutes" inputMode="numeric" value={minutes} onInput={(e) => setMinutes((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={action.busy || !to.trim() || !(n > 0)}>{t('volunteer.giveButton')}</button>
      </form>
      <TxProgress stage={action.stage} />
    </Section>
  );
}

/** Spending minutes at a registered community service or merchant, for one of its rewards. */
function Redeem() {
  const [provider, setProvider] = useState('');
  const [minutes, setMinutes] = useState('');
  const [reward, setReward] = useState('');
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  const n = Number.parseInt(minutes, 10);
  const r = Number.parseInt(reward, 10);
  return (
    <Section id="redeem" title={t('volunteer.redeem')}>
      <p class="hint">{t('volunteer.redeemHint')}</p>
      <form onSubmit={(e) => { e.preventDefault(); void action.run(actions(c).redeem(provider.trim(), n, r)); }}>
        <label for="redeem-provider">{t('volunteer.provider')}</label>
        <input id="redeem-provider" value={provider} onInput={(e) => setProvider((e.target as HTMLInputElement).value)} />
        <label for="redeem-reward">{t('volunteer.reward')}</label>
        <input id="redeem-reward" inputMode="numeric" value={reward} onInput={(e) => setReward((e.target as HTMLInputElement).value)} />
        <label for="redeem-minutes">{t('volunteer.minutes')}</label>
        <input id="redeem-minutes" inputMode="numeric" value={minutes} onInput={(e) => setMinutes((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={action.busy || !provider.trim() || !(n > 0) || !(r >= 0)}>{t('volunteer.redeemButton')}</button>
      </form>
      <TxProgress stage={action.stage} />
    </Section>
  );
}
