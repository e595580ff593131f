import { useState } from 'preact/hooks';
import { actions, HELP_CATEGORIES, offer, requests, type RequestView } from '../chain';
import { Section } from '../components/Section';
import { TxProgress } from '../components/TxProgress';
import { Who } from '../components/Who';
import { useAction, useLive } from '../hooks';
import { t } from '../i18n';
import { actingFor, chain, me, subject } from '../state';

/** Asking for help (for myself, or for the resident I act for), and the community's needs. */
export function Help() {
  const m = me.value;
  const community = m?.community ?? m?.roles.find((r) => r.role === 'GridWorker')?.unit;
  const list = useLive((c) => (community !== undefined ? requests(c, community) : Promise.resolve([])), [community]);
  const mine = useLive((c, who) => (who ? offer(c, who) : Promise.resolve(undefined)));
  const [onlyMine, setOnlyMine] = useState(true);
  if (!m) return <p class="hint">{t('home.chooseAccount')}</p>;
  const mayAsk = m.roles.some((r) => r.role === 'SpecialNeeds');
  const isGridWorker = m.roles.some((r) => r.role === 'GridWorker');
  const isVolunteer = m.roles.some((r) => r.role === 'Volunteer');
  // A volunteer sees the requests their declared skills cover first; the rest on demand.
  const shown = (list ?? []).filter((r) => !isVolunteer || !mine || !onlyMine || r.status !== 'open'
    || r.volunteer === m.address || mine.skills.includes(r.category));
  return (
    <>
      {mayAsk && <AskForHelp recipient={m.address} />}
      {!mayAsk && isGridWorker && <AskForHelp />}
      {isVolunteer && community !== undefined && <DeclareSkills community={community} current={mine?.skills ?? []} />}
      <Section id="requests" title={t('help.needs')}>
        {isVolunteer && mine && (
          <label class="check"><input type="checkbox" checked={onlyMine} onChange={(e) => setOnlyMine((e.target as HTMLInputElement).checked)} /> {t('help.onlyMine')}</label>
        )}
        {shown.length === 0 ? <p class="hint">{t('help.none')}</p> : shown.map((r) => <RequestCard key={r.id} request={r} />)}
      </Section>
    </>
  );
}

/** A volunteer's kinds of help, for their community: the need list is matched against them. */
function DeclareSkills({ community, current: declared }: { community: number; current: string[] }) {
  const [skills, setSkills] = useState<string[] | undefined>(undefined);
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  const chosen = skills ?? declared;
  const toggle = (k: string) => setSkills(chosen.includes(k) ? chosen.filter((x) => x !== k) : [...chosen, k]);
  return (
    <Section id="skills" title={t('help.mySkills')}>
      <form onSubmit={(e) => { e.preventDefault(); void action.run(actions(c).declareService(chosen, [community])); }}>
        <fieldset>
          <legend>{t('help.skillsLegend')}</legend>
          {HELP_CATEGORIES.map((k) => (
            <label key={k} class="check"><input type="checkbox" checked={chosen.includes(k)} onChange={() => toggle(k)} /> {t(`helpCategories.${k}`)}</label>
          ))}
        </fieldset>
        <button type="submit" disabled={action.busy || chosen.length === 0}>{t('help.saveSkills')}</button>
      </form>
      <TxProgress stage={action.stage} />
    </Section>
  );
}

/** A request for help: for oneself, or, by a grid worker, for a resident of their grid. */
function AskForHelp({ recipient }: { recipient?: string }) {
  const [forWhom, setForWhom] = useState('');
  const [category, setCategory] = useState<string>('Shopping');
  const [minutes, setMinutes] = useState('60');
  const [urgent, setUrgent] = useState(false);
  const [details, setDetails] = useState('');
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  const n = Number.parseInt(minutes, 10);
  return (
    <Section id="ask" title={actingFor.value || !recipient ? t('help.askFor') : t('help.ask')}>
      <form onSubmit={(e) => { e.preventDefault(); void action.run(actions(c).openRequest(recipient ?? forWhom.trim(), category, urgent, n, details)); }}>
        {!recipient && (
          <>
            <label for="help-recipient">{t('help.recipient')}</label>
            <input id="help-recipient" required value={forWhom} onInput={(e) => setForWhom((e.target as HTMLInputElement).value)} />
          </>
        )}
        <label for="help-category">{t('help.kind')}</label>
        <select id="help-category" value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value)}>
          {HELP_CATEGORIES.map((k) => <option key={k} value={k}>{t(`helpCategories.${k}`)}</option>)}
        </select>
        <label for="help-minutes">{t('help.minutes')}</label>
        <input id="help-minutes" inputMode="numeric" value={minutes} onInput={(e) => setMinutes((e.target as HTMLInputElement).value)} />
        <label for="help-details">{t('help.details')}</label>
        <input id="help-details" value={details} onInput={(e) => setDetails((e.target as HTMLInputElement).value)} aria-describedby="help-details-hint" />
        <p id="help-details-hint" class="hint">{t('help.detailsHint')}</p>
        <label class="check"><input type="checkbox" checked={urgent} onChange={(e) => setUrgent((e.target as HTMLInputElement).checked)} /> {t('help.urgent')}</label>
        <button type="submit" disabled={action.busy || !(n > 0)}>{t('help.askButton')}</button>
      </form>
      <TxProgress stage={action.stage} />
    </Section>
  );
}

function RequestCard({ request: r }: { request: RequestView }) {
  const action = useAction();
  const [minutes, setMinutes] = useState(String(r.minutes));
  const c = chain.value;
  const who = subject.value;
  const m = me.value;
  if (!c || !who || !m) return null;
  const a = actions(c);
  const isVolunteer = m.roles.some((x) => x.role === 'Volunteer');
  const isGridWorker = m.roles.some((x) => x.role === 'GridWorker');
  const mayConfirm = who === r.recipient || isGridWorker;
  return (
    <article class="request" data-testid={`request-${r.id}`} aria-labelledby={`request-${r.id}-title`}>
      <h3 id={`request-${r.id}-title`}>{t(`helpCategories.${r.category}`)} · {t('help.forMinutes', { n: r.minutes })}
        {r.urgency === 'Urgent' && <span class="urgent"> {t('help.urgent')}</span>}</h3>
      <p class="muted">{t('help.for')} <Who address={r.recipient} /> · {t('help.openedBy')} <Who address={r.openedBy} /></p>
      <p data-testid="request-status">{t(`help.status.${r.status}`)}{r.volunteer && <> · {t('help.volunteer')} <Who address={r.volunteer} /></>}
        {r.doneMinutes !== undefined && <> · {t('help.doneMinutes', { n: r.doneMinutes })}</>}</p>
      <div class="actions">
        {r.status === 'open' && isVolunteer && who !== r.recipient && (
          <button type="button" disabled={action.busy} onClick={() => action.run(a.accept(r.id))}>{t('help.accept')}</button>
        )}
        {r.status === 'accepted' && r.volunteer === who && (
          <form class="inline" onSubmit={(e) => { e.preventDefault(); void action.run(a.complete(r.id, Number.parseInt(minutes, 10))); }}>
            <label for={`done-${r.id}`}>{t('help.minutesGiven')}</label>
            <input id={`done-${r.id}`} inputMode="numeric" value={minutes} onInput={(e) => setMinutes((e.target as HTMLInputElement).value)} />
            <button type="submit" disabled={action.busy}>{t('help.complete')}</button>
          </form>
        )}
        {r.status === 'done' && mayConfirm && r.volunteer !== who && (
          <button type="button" disabled={action.busy} onClick={() => action.run(a.confirm(r.id))}>{t('help.confirm')}</button>
        )}
      </div>
      <TxProgress stage={action.stage} />
    </article>
  );
}
