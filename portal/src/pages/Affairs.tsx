import { useState } from 'preact/hooks';
import {
  actions, mattersWaiting, myMatters, notices, NOTICE_CATEGORIES, replies, unitPath, unitStats,
  type MatterView, type NoticeView,
} from '../chain';
import { Countdown } from '../components/Countdown';
import { Section } from '../components/Section';
import { TxProgress } from '../components/TxProgress';
import { Who } from '../components/Who';
import { useAction, useLive } from '../hooks';
import { t } from '../i18n';
import { chain, me } from '../state';

/**
 * Public affairs: the notices of my community and the units above it (read, acknowledged,
 * answered), the matters I raised and their answers, and my community's figures; for officers,
 * publishing a notice and answering the matters waiting for their units.
 */
export function Affairs() {
  const m = me.value;
  const community = m?.community ?? m?.officerOf[0];
  const path = useLive((c) => (community !== undefined ? unitPath(c, community) : Promise.resolve([])), [community]);
  const units = (path ?? []).map((u) => u.id);
  const board = useLive((c, who) => (units.length ? notices(c, units, who) : Promise.resolve([])), [units.join()]);
  if (!m) return <p class="hint">{t('home.chooseAccount')}</p>;
  if (community === undefined) return <p class="hint">{t('home.notResident')}</p>;
  const names = new Map((path ?? []).map((u) => [u.id, u.name]));
  return (
    <>
      {m.officerOf.length > 0 && <PublishNotice units={m.officerOf} />}
      <Section id="board" title={t('affairs.board')}>
        {board && board.length === 0 && <p class="hint">{t('affairs.noNotices')}</p>}
        {(board ?? []).map((n) => <NoticeCard key={n.id} notice={n} unitName={names.get(n.unit) ?? `#${n.unit}`} resident={m.community !== undefined} />)}
      </Section>
      {m.community !== undefined && <MyMatters units={(path ?? []).filter((u) => u.level !== 'Grid')} board={board ?? []} />}
      {m.officerOf.map((unit) => <MattersWaiting key={unit} unit={unit} />)}
      <UnitFigures unit={community} name={names.get(community) ?? ''} />
    </>
  );
}

/** Shown in place of a text that officers took down. */
const shown = (text: string | undefined) =>
  text === '' ? <em class="muted" data-testid="taken-down">{t('affairs.takenDown')}</em> : text;

function NoticeCard({ notice: n, unitName, resident }: { notice: NoticeView; unitName: string; resident: boolean }) {
  const [reply, setReply] = useState('');
  const [named, setNamed] = useState(false);
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  return (
    <article data-testid={`notice-${n.id}`} aria-labelledby={`notice-${n.id}-title`}>
      <h3 id={`notice-${n.id}-title`}>
        <span class="badge">{t(`affairs.category.${n.category}`)}</span> {shown(n.title)}
      </h3>
      <p class="muted">{unitName} · <Who address={n.publisher} /></p>
      {n.body !== undefined && <p class="notice-body">{shown(n.body)}</p>}
      {n.document && (
        <p><a href={n.document.uri} rel="noopener noreferrer">{t('affairs.document')}</a> <span class="muted">{t('affairs.documentHash', { hash: `${n.document.hash.slice(0, 10)}…` })}</span></p>
      )}
      {n.publicityEnds !== undefined && (
        <p>{t('affairs.publicity')}: <Countdown until={n.publicityEnds} /></p>
      )}
      <p class="muted" data-testid="notice-counts">{t('affairs.counts', { read: n.acknowledgements, replies: n.replies })}</p>
      {n.replies > 0 && <Replies notice={n.id} count={n.replies} />}
      {resident && (n.acknowledgedByMe
        ? <p data-testid="acknowledged">{t('affairs.acknowledged')}</p>
        : (
          <form class="inline" onSubmit={(e) => { e.preventDefault(); void action.run(actions(c).acknowledge(n.id, named)); }}>
            <label class="check"><input type="checkbox" checked={named} onChange={(e) => setNamed((e.target as HTMLInputElement).checked)} /> {t('affairs.named')}</label>
            <button type="submit" disabled={action.busy}>{t('affairs.acknowledge')}</button>
          </form>
        ))}
      {resident && n.myReply !== undefined && <p>{t('affairs.myReply')}: {shown(n.myReply)}</p>}
      {resident && n.repliesOpen && (
        <form onSubmit={async (e) => { e.preventDefault(); const sent = await action.run(actions(c).reply(n.id, reply.trim())); if (sent?.ok) setReply(''); }}>
          <label for={`reply-${n.id}`}>{t('affairs.reply')}</label>
          <textarea id={`reply-${n.id}`} rows={2} maxLength={300} required value={reply} onInput={(e) => setReply((e.target as HTMLTextAreaElement).value)} />
          <p class="hint">{t('affairs.publicWarning')}</p>
          <button type="submit" disabled={action.busy}>{t('affairs.sendReply')}</button>
        </form>
      )}
      <TxProgress stage={action.stage} />
    </article>
  );
}

/** The replies to a notice, read when opened: every resident's and officer's to see. */
function Replies({ notice, count }: { notice: number; count: number }) {
  const [open, setOpen] = useState(false);
  const list = useLive((c) => (open ? replies(c, notice) : Promise.resolve([])), [open, notice, count]);
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('affairs.readReplies', { n: count })}</summary>
      <ul class="replies" data-testid="replies">
        {(list ?? []).map((r) => <li key={r.who}><Who address={r.who} /> · {shown(r.text)}</li>)}
      </ul>
    </details>
  );
}

function PublishNotice({ units }: { units: number[] }) {
  const [unit, setUnit] = useState(units[0]);
  const [category, setCategory] = useState<string>('ResidentsAffairs');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [days, setDays] = useState('7');
  const [repliesOpen, setRepliesOpen] = useState(true);
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  const d = Number.parseInt(days, 10);
  const publicity = d > 0 ? Math.round((d * 86_400_000) / c.blockMs) : undefined;
  const submit = async (e: Event) => {
    e.preventDefault();
    const sent = await action.run(actions(c).publishNotice(unit, category, title.trim(), body.trim(), publicity, repliesOpen));
    if (sent?.ok) { setTitle(''); setBody(''); }
  };
  return (
    <Section id="publish" title={t('affairs.publish')}>
      <form onSubmit={submit}>
        <label for="notice-unit">{t('affairs.unit')}</label>
        <select id="notice-unit" value={unit} onChange={(e) => setUnit(Number((e.target as HTMLSelectElement).value))}>
          {units.map((u) => <option key={u} value={u}>#{u}</option>)}
        </select>
        <label for="notice-category">{t('affairs.categoryLabel')}</label>
        <select id="notice-category" value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value)}>
          {NOTICE_CATEGORIES.map((k) => <option key={k} value={k}>{t(`affairs.category.${k}`)}</option>)}
        </select>
        <label for="notice-title">{t('affairs.title')}</label>
        <input id="notice-title" required maxLength={40} value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
        <label for="notice-body">{t('affairs.body')}</label>
        <textarea id="notice-body" rows={4} required maxLength={300} value={body} onInput={(e) => setBody((e.target as HTMLTextAreaElement).value)} />
        <label for="notice-days">{t('affairs.publicityDays')}</label>
        <input id="notice-days" type="number" min={0} max={90} value={days} onInput={(e) => setDays((e.target as HTMLInputElement).value)} />
        <label class="check"><input type="checkbox" checked={repliesOpen} onChange={(e) => setRepliesOpen((e.target as HTMLInputElement).checked)} /> {t('affairs.repliesOpen')}</label>
        <p class="hint">{t('affairs.publicWarning')}</p>
        <button type="submit" disabled={action.busy}>{t('affairs.publishButton')}</button>
      </form>
      <TxProgress stage={action.stage} />
    </Section>
  );
}

function MyMatters({ units, board }: { units: { id: number; name: string }[]; board: NoticeView[] }) {
  const mine = useLive((c, who) => (who ? myMatters(c, who) : Promise.resolve([])));
  const [unit, setUnit] = useState<number | undefined>(undefined);
  const [about, setAbout] = useState('');
  const [text, setText] = useState('');
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  // To my community by default (the last of the path); a street or the district on request.
  const to = unit ?? units[units.length - 1]?.id;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (to === undefined) return;
    const sent = await action.run(actions(c).raiseMatter(to, text.trim(), about ? Number(about) : undefined));
    if (sent?.ok) { setText(''); setAbout(''); }
  };
  return (
    <>
      <Section id="raise-matter" title={t('affairs.raiseMatter')}>
        <form onSubmit={submit}>
          <label for="matter-unit">{t('affairs.matterTo')}</label>
          <select id="matter-unit" value={to} onChange={(e) => setUnit(Number((e.target as HTMLSelectElement).value))}>
            {[...units].reverse().map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
          <label for="matter-about">{t('affairs.matterAbout')}</label>
          <select id="matter-about" value={about} onChange={(e) => setAbout((e.target as HTMLSelectElement).value)}>
            <option value="">{t('affairs.aboutNothing')}</option>
            {board.map((n) => <option key={n.id} value={String(n.id)}>{n.title || t('affairs.takenDown')}</option>)}
          </select>
          <label for="matter-text">{t('affairs.matterText')}</label>
          <textarea id="matter-text" rows={3} required maxLength={300} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
          <p class="hint">{t('affairs.publicWarning')}</p>
          <button type="submit" disabled={action.busy}>{t('affairs.raiseButton')}</button>
        </form>
        <TxProgress stage={action.stage} />
      </Section>
      <Section id="my-matters" title={t('affairs.myMatters')}>
        {mine && mine.length === 0 && <p class="hint">{t('affairs.noMatters')}</p>}
        {(mine ?? []).map((x) => <MatterCard key={x.id} matter={x} mine />)}
      </Section>
    </>
  );
}

function MatterCard({ matter: x, mine }: { matter: MatterView; mine?: boolean }) {
  const [answer, setAnswer] = useState('');
  const action = useAction();
  const c = chain.value;
  if (!c) return null;
  return (
    <article data-testid={`matter-${x.id}`}>
      <p>{shown(x.text)}</p>
      <p class="muted">
        <span data-testid="matter-stage">{t(`affairs.stage.${x.stage}`)}</span>
        {x.unit !== x.raisedTo && <> · {t('affairs.movedUp', { unit: `#${x.unit}` })}</>}
        {!mine && <> · <Who address={x.raiser} /></>}
      </p>
      {x.stage === 'open' && x.until !== undefined && <p>{t('affairs.deadline')}: <Countdown until={x.until} /></p>}
      {x.answers.map((a, i) => (
        <blockquote key={i} data-testid="matter-answer">
          {shown(a.text)}
          <footer class="muted"><Who address={a.by} /> · {a.inTime ? t('affairs.inTime') : t('affairs.late')}</footer>
        </blockquote>
      ))}
      {mine && x.stage === 'answered' && (
        <p class="actions">
          <button type="button" disabled={action.busy} onClick={() => void action.run(actions(c).rateAnswer(x.id, true))}>{t('affairs.satisfied')}</button>
          <button type="button" disabled={action.busy} onClick={() => void action.run(actions(c).rateAnswer(x.id, false))}>{t('affairs.unsatisfied')}</button>
        </p>
      )}
      {mine && x.stage === 'unsatisfied' && !x.takenUp && (
        <p><button type="button" disabled={action.busy} onClick={() => void action.run(actions(c).takeUp(x.id))}>{t('affairs.takeUp')}</button></p>
      )}
      {!mine && x.stage === 'open' && (
        <form onSubmit={async (e) => { e.preventDefault(); const sent = await action.run(actions(c).answerMatter(x.id, answer.trim())); if (sent?.ok) setAnswer(''); }}>
          <label for={`answer-${x.id}`}>{t('affairs.answer')}</label>
          <textarea id={`answer-${x.id}`} rows={2} required maxLength={300} value={answer} onInput={(e) => setAnswer((e.target as HTMLTextAreaElement).value)} />
          <button type="submit" disabled={action.busy}>{t('affairs.sendAnswer')}</button>
        </form>
      )}
      <TxProgress stage={action.stage} />
    </article>
  );
}

/** The matters waiting for the answer of one of the officer's units. */
function MattersWaiting({ unit }: { unit: number }) {
  const list = useLive((c) => mattersWaiting(c, unit), [unit]);
  if (!list || list.length === 0) return null;
  return (
    <Section id={`waiting-${unit}`} title={t('affairs.waiting', { unit: `#${unit}` })}>
      {list.map((x) => <MatterCard key={x.id} matter={x} />)}
    </Section>
  );
}

function UnitFigures({ unit, name }: { unit: number; name: string }) {
  const s = useLive((c) => unitStats(c, unit), [unit]);
  if (!s) return null;
  const answered = s.answered === 0 ? '—' : `${Math.round((100 * s.answeredInTime) / s.answered)}%`;
  const rated = s.satisfied + s.unsatisfied;
  const satisfied = rated === 0 ? '—' : `${Math.round((100 * s.satisfied) / rated)}%`;
  return (
    <Section id="figures" title={t('affairs.figures', { name })}>
      <dl class="figures" data-testid="unit-figures">
        <dt>{t('affairs.raised')}</dt><dd>{s.raised}</dd>
        <dt>{t('affairs.answeredInTime')}</dt><dd>{answered}</dd>
        <dt>{t('affairs.overdue')}</dt><dd>{s.overdue}</dd>
        <dt>{t('affairs.satisfaction')}</dt><dd>{satisfied}</dd>
      </dl>
    </Section>
  );
}
