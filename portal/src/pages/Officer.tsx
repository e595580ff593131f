import { useState } from 'preact/hooks';
import { actions, applications, childUnits, hex32, moveRequests, parseAmount, ROLES, unit as readUnit } from '../chain';
import { Section } from '../components/Section';
import { TxProgress } from '../components/TxProgress';
import { Who } from '../components/Who';
import { useAction, useLive } from '../hooks';
import { t } from '../i18n';
import { chain, me } from '../state';

/** Officers' work at their units: registering residents, applications, roles. */
export function Officer() {
  const units = me.value?.officerOf ?? [];
  const names = useLive((c) => Promise.all(units.map((id) => readUnit(c, id))), [units.join()]);
  const pending = useLive((c) => applications(c, units), [units.join()]);
  const moves = useLive((c) => moveRequests(c, units), [units.join()]);
  if (units.length === 0) return <p class="hint">{t('officer.none')}</p>;
  const options = units.map((id, i) => ({ id, name: names?.[i]?.name ?? `#${id}` }));
  return (
    <>
      <Register units={options} />
      <Section id="applications" title={t('officer.applications')}>
        {(pending ?? []).length === 0 ? <p class="hint">{t('officer.noApplications')}</p>
          : (pending ?? []).map((p) => <ApplicationRow key={p.who} who={p.who} recordedBy={p.recordedBy} unitName={options.find((u) => u.id === p.community)?.name ?? ''} />)}
      </Section>
      <Section id="moves" title={t('officer.moves')}>
        {(moves ?? []).length === 0 ? <p class="hint">{t('officer.noMoves')}</p>
          : (moves ?? []).map((m) => <MoveRow key={m.who} who={m.who} unitName={options.find((u) => u.id === m.to)?.name ?? ''} />)}
      </Section>
      <GrantRole units={options} />
      <ConfigurePot officerOf={units} />
    </>
  );
}

type UnitOption = { id: number; name: string };

function UnitSelect({ id, units, value, onChange }: { id: string; units: UnitOption[]; value: number; onChange: (v: number) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(Number((e.target as HTMLSelectElement).value))}>
      {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
    </select>
  );
}

/**
 * Registering a resident the verification desk checked: the officer enters the desk's commitment
 * (never an ID number: the portal has no field for one) and the resident's account.
 */
function Register({ units }: { units: UnitOption[] }) {
  const [who, setWho] = useState('');
  const [commitment, setCommitment] = useState('');
  const [unit, setUnit] = useState(units[0].id);
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  const hash = hex32(commitment);
  return (
    <Section id="register" title={t('officer.register')}>
      <p class="hint">{t('officer.registerHint')}</p>
      <form onSubmit={async (e) => {
        e.preventDefault();
        if (!hash) return;
        const sent = await action.run(actions(c).register(who.trim(), unit, hash));
        if (sent?.ok) { setWho(''); setCommitment(''); }
      }}>
        <label for="reg-account">{t('officer.account')}</label>
        <input id="reg-account" required value={who} onInput={(e) => setWho((e.target as HTMLInputElement).value)} />
        <label for="reg-commitment">{t('officer.commitment')}</label>
        <input id="reg-commitment" required value={commitment} aria-invalid={commitment !== '' && !hash} aria-describedby="reg-commitment-hint"
          onInput={(e) => setCommitment((e.target as HTMLInputElement).value)} />
        <p id="reg-commitment-hint" class="hint">{commitment !== '' && !hash ? t('officer.badCommitment') : t('officer.commitmentHint')}</p>
        <label for="reg-unit">{t('officer.community')}</label>
        <UnitSelect id="reg-unit" units={units} value={unit} onChange={setUnit} />
        <button type="submit" disabled={action.busy || !hash || !who.trim()}>{t('officer.registerButton')}</button>
      </form>
      <TxProgress stage={action.stage} />
    </Section>
  );
}

/** An application; one the officer recorded in person waits for a second officer. */
function ApplicationRow({ who, unitName, recordedBy }: { who: string; unitName: string; recordedBy?: string }) {
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  const mine = recordedBy !== undefined && recordedBy === me.value?.address;
  return (
    <article class="application" data-testid={`application-${who}`}>
      <p><Who address={who} /> → {unitName}
        {recordedBy ? <> · {t('officer.recordedBy')} <Who address={recordedBy} /></> : <> · {t('officer.appliedOnline')}</>}</p>
      {mine ? <p class="hint">{t('officer.secondOfficer')}</p> : <div class="actions">
        <button type="button" disabled={action.busy} onClick={() => action.run(actions(c).approve(who))}>{t('officer.approve')}</button>
        <button type="button" disabled={action.busy} onClick={() => action.run(actions(c).reject(who))}>{t('officer.reject')}</button>
      </div>}
      <TxProgress stage={action.stage} />
    </article>
  );
}

function GrantRole({ units }: { units: UnitOption[] }) {
  const [who, setWho] = useState('');
  const [role, setRole] = useState<string>('Volunteer');
  const [unit, setUnit] = useState(units[0].id);
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  return (
    <Section id="grant" title={t('officer.grant')}>
      <form onSubmit={(e) => { e.preventDefault(); void action.run(actions(c).grantRole(who.trim(), role, unit)); }}>
        <label for="grant-account">{t('officer.account')}</label>
        <input id="grant-account" required value={who} onInput={(e) => setWho((e.target as HTMLInputElement).value)} />
        <label for="grant-role">{t('officer.role')}</label>
        <select id="grant-role" value={role} onChange={(e) => setRole((e.target as HTMLSelectElement).value)}>
          {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
        </select>
        <label for="grant-unit">{t('officer.unit')}</label>
        <UnitSelect id="grant-unit" units={units} value={unit} onChange={setUnit} />
        <button type="submit" disabled={action.busy || !who.trim()}>{t('officer.grantButton')}</button>
      </form>
      <TxProgress stage={action.stage} />
    </Section>
  );
}

/** A resident asking to move into one of the officer's communities. */
function MoveRow({ who, unitName }: { who: string; unitName: string }) {
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  return (
    <article class="move">
      <p><Who address={who} /> → {unitName}</p>
      <button type="button" disabled={action.busy} onClick={() => action.run(actions(c).approveMove(who))}>{t('officer.approveMove')}</button>
      <TxProgress stage={action.stage} />
    </article>
  );
}

/** Setting up the pot of a unit below: its supervisors and the residents' oversight. */
function ConfigurePot({ officerOf }: { officerOf: number[] }) {
  const below = useLive((c) => childUnits(c, officerOf), [officerOf.join()]) ?? [];
  const [unit, setUnit] = useState<number | undefined>(undefined);
  const [supervisors, setSupervisors] = useState('');
  const [required, setRequired] = useState('2');
  const [share, setShare] = useState('50');
  const [cap, setCap] = useState('1000');
  const action = useAction();
  const c = chain.value;
  if (!c || below.length === 0) return null;
  const chosen = unit ?? below[0].id;
  const list = supervisors.split(/[\s,，]+/).filter(Boolean);
  const capValue = parseAmount(cap, c.decimals);
  const m = Number.parseInt(required, 10);
  const pct = Number.parseFloat(share);
  const valid = list.length >= 2 && m >= 2 && m <= list.length && pct > 0 && pct <= 100 && capValue !== undefined;
  return (
    <Section id="configure" title={t('officer.configure')}>
      <p class="hint">{t('officer.configureHint')}</p>
      <form onSubmit={(e) => {
        e.preventDefault();
        if (capValue !== undefined) void action.run(actions(c).configurePot(chosen, list, m, pct, capValue));
      }}>
        <label for="pot-unit">{t('officer.unit')}</label>
        <UnitSelect id="pot-unit" units={below} value={chosen} onChange={setUnit} />
        <label for="pot-supervisors">{t('officer.supervisors')}</label>
        <textarea id="pot-supervisors" rows={3} value={supervisors} onInput={(e) => setSupervisors((e.target as HTMLTextAreaElement).value)} aria-describedby="pot-supervisors-hint" />
        <p id="pot-supervisors-hint" class="hint">{t('officer.supervisorsHint')}</p>
        <label for="pot-required">{t('officer.required')}</label>
        <input id="pot-required" inputMode="numeric" value={required} onInput={(e) => setRequired((e.target as HTMLInputElement).value)} />
        <label for="pot-share">{t('officer.objectionShare')}</label>
        <input id="pot-share" inputMode="decimal" value={share} onInput={(e) => setShare((e.target as HTMLInputElement).value)} />
        <label for="pot-cap">{t('officer.voteCap', { token: c.token })}</label>
        <input id="pot-cap" inputMode="decimal" value={cap} onInput={(e) => setCap((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={action.busy || !valid}>{t('officer.configureButton')}</button>
      </form>
      <TxProgress stage={action.stage} />
    </Section>
  );
}
