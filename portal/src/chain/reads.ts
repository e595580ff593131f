// Everything the portal reads from the chain, as plain objects the pages show. Reads go through
// pallet view functions, runtime APIs and storage: all of them work through a light client too
// (no custom JSON-RPC). Each read is made at the latest finalised block unless said otherwise.
import type { Chain } from './connection';
import type { Secrecy } from './actions';
import { text } from './format';

export type UnitLevel = 'District' | 'Street' | 'Community' | 'Grid';
export type RoleName =
  | 'Volunteer' | 'VolunteerOrganisation' | 'SpecialNeeds' | 'GridWorker' | 'OwnersCommittee'
  | 'TreasurySupervisor' | 'PollingOfficer' | 'ServiceProvider' | 'AidDistributor' | 'HousingOfficer';

export interface UnitInfo {
  id: number;
  name: string;
  level: UnitLevel;
  parent?: number;
  secretary?: string;
  committee: string[];
  residents: number;
}

type StoredUnit = NonNullable<Awaited<ReturnType<Chain['api']['query']['PartyBranch']['Units']['getValue']>>>;

/** A unit's record as the pages use it. */
const unitInfo = (id: number, u: StoredUnit): UnitInfo => ({
  id,
  name: text(u.name),
  level: u.level.type as UnitLevel,
  parent: u.parent,
  secretary: u.secretary,
  committee: [...u.committee],
  residents: u.residents,
});

export async function unit(chain: Chain, id: number): Promise<UnitInfo | undefined> {
  const u = await chain.api.query.PartyBranch.Units.getValue(id);
  return u && unitInfo(id, u);
}

/** The unit and the units above it, the district first, with their officers (a view function). */
export async function unitPath(chain: Chain, id: number): Promise<UnitInfo[]> {
  const path = await chain.api.view.PartyBranch.unit_path(id);
  return path.map(([unitId, u]) => unitInfo(unitId, u));
}

export interface Me {
  address: string;
  /** The community the account is a verified resident of, and since when. */
  community?: number;
  since?: number;
  roles: { role: RoleName; unit: number }[];
  /** Units whose secretary or committee the account is on. */
  officerOf: number[];
  freeLeft: number;
  quota: number;
  balance: bigint;
  /** Whether the account votes for homes in some estate (its owners' assembly page shows). */
  ownsHomes: boolean;
  /** The estates of the communities whose officer the account is: it may convene their
   * owners while they have no committee. */
  estatesOfMyUnits: number[];
}

export async function me(chain: Chain, address: string): Promise<Me> {
  const { api } = chain;
  const [residency, roles, freeLeft, quota, account, offices, estates] = await Promise.all([
    api.view.PartyBranch.residency(address),
    api.view.PartyBranch.roles_of(address),
    api.view.PartyBranch.free_calls_left_now(address),
    api.query.PartyBranch.FreeCallQuota.getValue(),
    api.query.System.Account.getValue(address),
    api.view.PartyBranch.offices_of(address),
    api.view.OwnersAssembly.estates_of(address),
  ]);
  const estatesOfMyUnits = (await Promise.all(offices.map((u) => api.view.OwnersAssembly.estates_in(u)))).flat();
  return {
    address,
    community: residency?.[0],
    since: residency?.[1],
    roles: roles.map(([role, unit]) => ({ role: role.type as RoleName, unit })),
    officerOf: offices,
    freeLeft,
    quota,
    balance: account.data.free,
    ownsHomes: estates.length > 0,
    estatesOfMyUnits,
  };
}

/** Where a topic stands, as residents see it. */
export type TopicPhase = 'gathering' | 'qualified' | 'deliberating' | 'voting' | 'revealing' | 'decided' | 'ended';

export interface TopicView {
  id: number;
  unit: number;
  author?: string;
  title: string;
  body: string;
  category: string;
  secrecy: Secrecy;
  /** The anonymous poll an anonymous topic is voted on in, once voting opened. */
  poll?: number;
  supports: number;
  threshold: number;
  phase: TopicPhase;
  /** The block the current phase ends at, when it has an end. */
  until?: number;
  outcome?: string;
  ayes: number;
  nays: number;
  abstentions: number;
  electorate: number;
  opinions: number;
  reports: number;
  completed: boolean;
  raisedAt: number;
  supportedByMe: boolean;
  /** How the account voted: an open choice, or sealed (committed, not yet revealed). */
  myBallot?: { sealed: boolean; choice?: string };
  /** The officers' official answer to an ended topic. */
  answer?: { by: string; text: string };
}

export async function topics(chain: Chain, unitId: number, who?: string): Promise<TopicView[]> {
  const { api } = chain;
  const [page] = await api.view.Consultation.topics_of(unitId, undefined);
  // The topics of one meeting share its agenda: read each meeting once.
  const agendas = new Map<number, ReturnType<typeof api.view.Consultation.agenda>>();
  const agenda = (meeting: number) => {
    if (!agendas.has(meeting)) agendas.set(meeting, api.view.Consultation.agenda(meeting));
    return agendas.get(meeting)!;
  };
  return Promise.all(page.map(async ([id, t]) => {
    let phase: TopicPhase = 'ended';
    let until: number | undefined;
    let outcome: string | undefined;
    const status = t.status;
    if (status.type === 'Gathering') { phase = 'gathering'; until = status.value.until; }
    else if (status.type === 'Qualified') phase = 'qualified';
    else if (status.type === 'InMeeting') {
      const meeting = await agenda(status.value);
      const p = meeting?.phase;
      if (p?.type === 'Deliberation') { phase = 'deliberating'; until = p.value.until; }
      else if (p?.type === 'Voting') { phase = 'voting'; until = p.value.until; }
      else if (p?.type === 'Revealing') { phase = 'revealing'; until = p.value.until; }
    } else if (status.type === 'Closed') { phase = 'decided'; outcome = status.value.outcome.type; }
    const [supported, ballot, answer, poll] = await Promise.all([
      who ? api.view.Consultation.supported(id, who) : false,
      who ? api.view.Consultation.ballot_of(id, who) : undefined,
      phase === 'decided' || phase === 'ended' ? api.query.Consultation.Answers.getValue(id) : undefined,
      t.secrecy.type === 'Anonymous' ? api.view.Consultation.anonymous_poll(id) : undefined,
    ]);
    return {
      id,
      unit: t.unit,
      author: t.author,
      title: text(t.title),
      body: t.body.type === 'Text' ? text(t.body.value) : t.body.value,
      category: t.category.type,
      secrecy: t.secrecy.type,
      poll,
      supports: t.supports,
      threshold: t.support_threshold,
      phase,
      until,
      outcome,
      ayes: t.tally.ayes,
      nays: t.tally.nays,
      abstentions: t.tally.abstentions,
      electorate: t.electorate,
      opinions: t.opinions,
      reports: t.reports,
      completed: t.completed,
      raisedAt: t.raised_at,
      supportedByMe: supported,
      myBallot: ballot
        ? ballot.type === 'Open' ? { sealed: false, choice: ballot.value.type } : { sealed: true }
        : undefined,
      answer: answer && { by: answer.by, text: text(answer.text) },
    };
  })).then((list) => list.sort((a, b) => b.id - a.id));
}

export interface SpendView {
  index: number;
  unit: number;
  proposer: string;
  beneficiary: { account?: string; unit?: number };
  amount: bigint;
  category: string;
  purpose: string;
  approvals: string[];
  rejections: string[];
  objections: number;
  objectionThreshold: number;
  status: 'awaiting-approval' | 'notice' | 'awaiting-vote' | 'failed';
  /** The block its approval window or notice ends at. */
  until?: number;
  objectedByMe: boolean;
}

export interface LedgerLine {
  index: number;
  block: number;
  incoming: boolean;
  counterparty: { account?: string; unit?: number };
  amount: bigint;
  /** A donation's memo, or the spend's category. */
  memo?: string;
  spend?: number;
  category?: string;
}

export interface Pot {
  account: string;
  balance: bigint;
  settings?: { supervisors: string[]; requiredApprovals: number; objectionShare: number };
  spends: SpendView[];
  statement: LedgerLine[];
}

const party = (b: { type: 'Account'; value: string } | { type: 'Unit'; value: number }) =>
  b.type === 'Account' ? { account: b.value } : { unit: b.value };

export async function pot(chain: Chain, unitId: number, who?: string): Promise<Pot | undefined> {
  const { api } = chain;
  const info = await api.apis.CommunityTreasuryApi.pot(unitId);
  if (!info) return undefined;
  const best = await chain.client.getFinalizedBlock();
  const [settings, open, page] = await Promise.all([
    api.query.CommunityTreasury.Settings.getValue(unitId),
    api.apis.CommunityTreasuryApi.open_spends(unitId),
    api.apis.CommunityTreasuryApi.statement(unitId, 0, best.number, undefined, 200),
  ]);
  const spends = await Promise.all(open.map(async ([index, s]): Promise<SpendView> => {
    const objected = who ? await api.query.CommunityTreasury.Objections.getValue(index, who) : undefined;
    const st = s.status;
    return {
      index,
      unit: s.unit,
      proposer: s.proposer,
      beneficiary: party(s.beneficiary),
      amount: s.amount,
      category: s.category.type,
      purpose: s.purpose.type === 'Text' ? text(s.purpose.value) : s.purpose.value,
      approvals: [...s.approvals],
      rejections: [...s.rejections],
      objections: s.objections,
      objectionThreshold: s.objection_threshold,
      status: st.type === 'AwaitingApproval' ? 'awaiting-approval' : st.type === 'Notice' ? 'notice'
        : st.type === 'AwaitingVote' ? 'awaiting-vote' : 'failed',
      until: st.type === 'AwaitingApproval' ? st.value.expires_at : st.type === 'Notice' ? st.value.ends_at : undefined,
      objectedByMe: objected !== undefined,
    };
  }));
  return {
    account: info.account,
    balance: info.balance,
    settings: settings && {
      supervisors: [...settings.supervisors],
      requiredApprovals: settings.required_approvals,
      objectionShare: settings.objection_share,
    },
    spends,
    statement: page.entries.map(([index, e]) => ({
      index,
      block: e.block,
      incoming: e.direction.type === 'In',
      counterparty: party(e.counterparty),
      amount: e.amount,
      memo: e.reason.type === 'Donation' ? text(e.reason.value) : undefined,
      spend: e.reason.type === 'Spend' ? e.reason.value.index : undefined,
      category: e.reason.type === 'Spend' ? e.reason.value.category.type : undefined,
    })).reverse(),
  };
}

export interface Credits {
  balance: number;
  lifetime: number;
  stars: number;
  /** Star thresholds in hours, lowest first. */
  thresholds: number[];
  history: { block: number; incoming: boolean; minutes: number; kind: string }[];
}

export async function credits(chain: Chain, who: string): Promise<Credits> {
  const { api } = chain;
  const [account, thresholds, history] = await Promise.all([
    api.apis.VolunteerCreditsApi.account(who),
    api.query.VolunteerCredits.StarThresholds.getValue(),
    api.apis.VolunteerCreditsApi.history(who, 20),
  ]);
  return {
    balance: Number(account.balance),
    lifetime: Number(account.lifetime),
    stars: account.stars,
    thresholds: [...thresholds],
    history: history.map((h) => ({ block: h.block, incoming: h.incoming, minutes: h.minutes, kind: h.counterparty.type })),
  };
}

export interface ActivityView {
  id: number;
  unit: number;
  organiser: string;
  title: string;
  open: boolean;
  volunteers: number;
  maxMinutes: number;
  signedUp: boolean;
}

export async function activities(chain: Chain, unitId: number, who?: string): Promise<ActivityView[]> {
  const { api } = chain;
  const list = await api.apis.VolunteerCreditsApi.activities(unitId);
  return Promise.all(list.map(async ([id, a]) => ({
    id,
    unit: a.unit,
    organiser: a.organiser,
    title: text(a.title),
    open: a.open,
    volunteers: a.volunteers,
    maxMinutes: a.max_minutes,
    signedUp: who ? (await api.query.VolunteerCredits.Participations.getValue(id, who)) !== undefined : false,
  })));
}

export interface RequestView {
  id: number;
  recipient: string;
  openedBy: string;
  community: number;
  category: string;
  urgency: string;
  minutes: number;
  credits: number;
  openedAt: number;
  status: 'open' | 'accepted' | 'done' | 'disputed';
  volunteer?: string;
  doneMinutes?: number;
}

/** A community's requests for help that are still running (open, accepted, done, disputed). */
export async function requests(chain: Chain, community: number): Promise<RequestView[]> {
  const { api } = chain;
  const ids = await api.query.Assistance.CommunityRequests.getValue(community);
  const list = await Promise.all(ids.map(async (id) => [id, await api.query.Assistance.Requests.getValue(id)] as const));
  return list.flatMap(([id, r]) => {
    if (!r) return [];
    const st = r.status;
    return [{
      id,
      recipient: r.recipient,
      openedBy: r.opened_by,
      community: r.community,
      category: r.category.type,
      urgency: r.urgency.type,
      minutes: r.minutes,
      credits: r.credits,
      openedAt: r.opened_at,
      status: st.type === 'Open' ? 'open' : st.type === 'Accepted' ? 'accepted' : st.type === 'Done' ? 'done' : 'disputed',
      volunteer: st.type === 'Open' ? undefined : st.value.volunteer,
      doneMinutes: st.type === 'Done' || st.type === 'Disputed' ? st.value.minutes : undefined,
    } satisfies RequestView];
  });
}

/** Residents' applications waiting at `units` (officers' inbox). */
export async function applications(chain: Chain, units: number[]) {
  const entries = await chain.api.query.PartyBranch.Applications.getEntries();
  return entries
    .filter(({ value }) => units.includes(value.community))
    .map(({ keyArgs: [who], value }) => ({ who, community: value.community, submitted: value.submitted, recordedBy: value.recorded_by }));
}

/** The accounts `delegate` may act for as a civic proxy (relatives, grid workers). */
export async function principalsOf(chain: Chain, delegate: string): Promise<string[]> {
  const entries = await chain.api.query.Proxy.Proxies.getEntries();
  return entries
    .filter(({ value: [list] }) => list.some((p) => p.delegate === delegate
      && (p.proxy_type.type === 'Civic' || p.proxy_type.type === 'Any')))
    .map(({ keyArgs: [real] }) => real);
}

/** What a volunteer declared they give: kinds of help and the units they serve. */
export async function offer(chain: Chain, who: string): Promise<{ skills: string[]; areas: number[] } | undefined> {
  const o = await chain.api.query.Assistance.Offers.getValue(who);
  return o && { skills: o.skills.map((k) => k.type), areas: [...o.areas] };
}

/** The progress reports on an approved topic, oldest first (`count` from the topic's record). */
export async function progressReports(chain: Chain, topic: number, count: number) {
  const reports = await Promise.all(Array.from({ length: Math.min(count, 20) }, (_, i) =>
    chain.api.query.Consultation.ProgressReports.getValue(topic, i)));
  return reports.flatMap((r) => (r ? [{ by: r.by, at: r.at, text: text(r.text) }] : []));
}

/** Residents asking to move into one of `units` (officers' inbox). */
export async function moveRequests(chain: Chain, units: number[]) {
  const entries = await chain.api.query.PartyBranch.MoveRequests.getEntries();
  return entries.filter(({ value }) => units.includes(value)).map(({ keyArgs: [who], value }) => ({ who, to: value }));
}

/** The units directly under `parents` (communities under a street, a street's under a district). */
export async function childUnits(chain: Chain, parents: number[]) {
  const entries = await chain.api.query.PartyBranch.Units.getEntries();
  return entries
    .filter(({ value }) => value.parent !== undefined && parents.includes(value.parent) && value.level.type !== 'Grid')
    .map(({ keyArgs: [id], value }) => ({ id, name: text(value.name) }))
    .sort((a, b) => a.id - b.id);
}

/** A notice on a unit's board, as residents read it. Text taken down reads as empty. */
export interface NoticeView {
  id: number;
  unit: number;
  category: string;
  title: string;
  /** The notice's text, when it is text (empty when taken down). */
  body?: string;
  /** A long document published off chain: its address and blake2-256 hash. */
  document?: { uri: string; hash: string };
  publisher: string;
  publishedAt: number;
  publicityEnds?: number;
  /** Whether replies are open now. */
  repliesOpen: boolean;
  acknowledgements: number;
  replies: number;
  /** Whether the account said it read the notice. */
  acknowledgedByMe: boolean;
  /** The account's reply, if any. */
  myReply?: string;
}

/** The notices of `units` (a resident's community and the units above it), newest first. */
export async function notices(chain: Chain, units: number[], who?: string): Promise<NoticeView[]> {
  const { api } = chain;
  const [boards, now] = await Promise.all([
    Promise.all(units.map((u) => api.view.PublicAffairs.notices(u, 0))),
    api.query.System.Number.getValue(),
  ]);
  const all = boards.flat().sort(([a], [b]) => b - a);
  return Promise.all(all.map(async ([id, n]) => {
    const [ack, reply] = who
      ? await Promise.all([
        api.query.PublicAffairs.Acknowledgements.getValue(id, who),
        api.query.PublicAffairs.Replies.getValue(id, who),
      ])
      : [undefined, undefined];
    return {
      id,
      unit: n.unit,
      category: n.category.type,
      title: text(n.title),
      body: n.body.type === 'Text' ? text(n.body.value) : undefined,
      document: n.body.type === 'Document' ? { uri: text(n.body.value.uri), hash: n.body.value.hash } : undefined,
      publisher: n.publisher,
      publishedAt: n.published_at,
      publicityEnds: n.publicity_ends,
      repliesOpen: n.feedback_open && (n.publicity_ends === undefined || now <= n.publicity_ends),
      acknowledgements: n.acknowledgements,
      replies: n.replies,
      acknowledgedByMe: ack !== undefined,
      myReply: reply && text(reply.text),
    };
  }));
}

/** The residents' replies to a notice (a text taken down reads as empty), oldest first. */
export async function replies(chain: Chain, notice: number): Promise<{ who: string; at: number; text: string }[]> {
  const entries = await chain.api.query.PublicAffairs.Replies.getEntries(notice);
  return entries
    .map(({ keyArgs: [, who], value }) => ({ who, at: value.at, text: text(value.text) }))
    .sort((a, b) => a.at - b.at);
}

/** Where a matter stands, as the resident and the officers see it. */
export type MatterStage = 'open' | 'answered' | 'unsatisfied' | 'closed';

export interface MatterView {
  id: number;
  raiser: string;
  raisedTo: number;
  /** The unit whose officers answer it now. */
  unit: number;
  aboutNotice?: number;
  text: string;
  raisedAt: number;
  stage: MatterStage;
  /** The answer deadline (open) or the end of the rating period (answered, unsatisfied). */
  until?: number;
  satisfied?: boolean;
  takenUp: boolean;
  answers: { unit: number; by: string; at: number; inTime: boolean; text: string }[];
}

type StoredMatter = Awaited<ReturnType<Chain['api']['view']['PublicAffairs']['matters_of']>>[number][1];

const matterView = (id: number, m: StoredMatter): MatterView => {
  const s = m.status;
  return {
    id,
    raiser: m.raiser,
    raisedTo: m.raised_to,
    unit: m.unit,
    aboutNotice: m.about?.type === 'Notice' ? m.about.value : undefined,
    text: text(m.text),
    raisedAt: m.raised_at,
    stage: s.type === 'Open' ? 'open' : s.type === 'Answered' ? 'answered' : s.type === 'Unsatisfied' ? 'unsatisfied' : 'closed',
    until: s.type === 'Open' ? s.value.deadline : s.type === 'Answered' || s.type === 'Unsatisfied' ? s.value.rate_by : undefined,
    satisfied: s.type === 'Closed' ? s.value.satisfied : undefined,
    takenUp: m.taken_up,
    answers: m.answers.map((a) => ({ unit: a.unit, by: a.by, at: a.at, inTime: a.in_time, text: text(a.text) })),
  };
};

/** `who`'s matters not yet closed, oldest first. */
export async function myMatters(chain: Chain, who: string): Promise<MatterView[]> {
  return (await chain.api.view.PublicAffairs.matters_of(who)).map(([id, m]) => matterView(id, m));
}

/** `unit`'s matters waiting for its officers' answer, oldest first. */
export async function mattersWaiting(chain: Chain, unit: number): Promise<MatterView[]> {
  return (await chain.api.view.PublicAffairs.matters_waiting(unit)).map(([id, m]) => matterView(id, m));
}

export interface UnitStatsView {
  raised: number;
  cameUp: number;
  answered: number;
  answeredInTime: number;
  overdue: number;
  satisfied: number;
  unsatisfied: number;
}

/** How `unit` deals with its residents' matters. */
export async function unitStats(chain: Chain, unit: number): Promise<UnitStatsView> {
  const s = await chain.api.view.PublicAffairs.stats(unit);
  return {
    raised: s.raised,
    cameUp: s.came_up,
    answered: s.answered,
    answeredInTime: s.answered_in_time,
    overdue: s.overdue,
    satisfied: s.satisfied,
    unsatisfied: s.unsatisfied,
  };
}

/** Square centimetres (the chain's unit of floor area) in a square metre. */
export const CM2_PER_M2 = 10_000;

/** Owners and the floor area they hold, in square metres. */
export interface OwnersCount { owners: number; area: number }

const count = (c: { owners: number; area: bigint | number }): OwnersCount =>
  ({ owners: c.owners, area: Number(c.area) / CM2_PER_M2 });

/** An estate (小区): its register's totals, its committee and company, and its pot. */
export interface EstateView {
  id: number;
  name: string;
  community: number;
  units: number;
  owners: number;
  /** Square metres: on the register, and as registered with the housing authority. */
  area: number;
  registeredArea: number;
  confirmed: boolean;
  committee: string[];
  committeeUntil?: number;
  company?: string;
  fund: bigint;
  revenue: bigint;
  /** Per square metre. */
  depositRate: bigint;
}

type StoredEstate = NonNullable<Awaited<ReturnType<Chain['api']['view']['OwnersAssembly']['estate']>>>;

const estateView = (id: number, e: StoredEstate): EstateView => ({
  id,
  name: text(e.name),
  community: e.community,
  units: e.units,
  owners: e.owners,
  area: Number(e.area) / CM2_PER_M2,
  registeredArea: Number(e.registered_area) / CM2_PER_M2,
  confirmed: e.confirmed,
  committee: [...e.committee],
  committeeUntil: e.committee_until,
  company: e.company,
  fund: e.fund,
  revenue: e.revenue,
  depositRate: e.deposit_rate,
});

/** An estate by id. */
export async function estate(chain: Chain, id: number): Promise<EstateView | undefined> {
  const e = await chain.api.view.OwnersAssembly.estate(id);
  return e && estateView(id, e);
}

/** The homes `who` votes for in an estate (first page of its register), with their
 * maintenance-fund deposits: due at the assembly's rate, and paid. */
export async function myHomes(chain: Chain, estate: number, who: string): Promise<{ id: number; building: number; area: number; due: bigint; paid: bigint }[]> {
  const { api } = chain;
  const units = (await api.view.OwnersAssembly.properties(estate, 0)).filter(([, p]) => p.voter === who);
  const deposits = await Promise.all(units.map(([id]) => api.view.OwnersAssembly.deposit_due(estate, id)));
  return units.map(([id, p], i) => ({
    id, building: p.building, area: Number(p.area) / CM2_PER_M2, due: deposits[i][0], paid: deposits[i][1],
  }));
}

/** Paper ballots of a vote recorded and waiting for a second person's countersignature. */
export async function pendingPaperBallots(chain: Chain, vote: number): Promise<{ owner: string; recordedBy: string }[]> {
  const entries = await chain.api.query.OwnersAssembly.PaperBallots.getEntries(vote);
  return entries.map(({ keyArgs: [, owner], value }) => ({ owner, recordedBy: value.recorded_by }));
}

/** The estates where `who` votes, with the homes and area they vote for. */
export async function myEstates(chain: Chain, who: string): Promise<{ estate: EstateView; mine: { units: number; area: number } }[]> {
  const { api } = chain;
  const held = await api.view.OwnersAssembly.estates_of(who);
  const estates = await Promise.all(held.map(([id]) => api.view.OwnersAssembly.estate(id)));
  return held.flatMap(([id, h], i) => {
    const e = estates[i];
    return e ? [{ estate: estateView(id, e), mine: { units: h.units, area: Number(h.area) / CM2_PER_M2 } }] : [];
  });
}

/** What a matter asks: a motion, a choice among labelled alternatives, or an election. */
export type QuestionView =
  | { kind: 'motion' }
  | { kind: 'choose'; alternatives: string[] }
  | { kind: 'election'; seats: number; nominators: number };

/** How a matter came out. */
export type OutcomeView =
  | { kind: 'NoQuorum' | 'Passed' | 'Rejected' | 'NoneChosen' }
  | { kind: 'Chosen'; alternative: number }
  | { kind: 'Elected'; elected: string[]; vacant: number };

export interface AssemblyMatterView {
  title: string;
  category: string;
  /** Whether it needs three quarters (else more than half). */
  special: boolean;
  question: QuestionView;
  /** Standing and would-be candidates of an election, with their nominations. */
  candidates: { who: string; nominations: number }[];
  outcome?: OutcomeView;
  /** The count's rows (aye, nay, abstain; each alternative then abstain; each candidate then
   * blank), once counted. */
  tally?: OwnersCount[];
}

export interface AssemblyVoteView {
  id: number;
  estate: number;
  calledBy: string;
  opens: number;
  closes: number;
  stage: 'notice' | 'open' | 'closed';
  electorate: OwnersCount;
  turnout: OwnersCount;
  matters: AssemblyMatterView[];
  /** What the account votes with in it (undefined: not an owner when it was called). */
  myHolding?: OwnersCount;
  voted: boolean;
  /** A committee election by secret ballot: its anonymous poll, and the polling station where
   * the account voted on paper, if it did. */
  secret?: { poll: number; station?: number };
}

const SPECIAL = new Set(['RaiseMaintenanceFund', 'Rebuild', 'CommonParts']);

/** The estate's latest votes, newest first, with the account's standing in each. */
export async function assemblyVotes(chain: Chain, estate: number, who?: string): Promise<AssemblyVoteView[]> {
  const { api } = chain;
  const [ids, now] = await Promise.all([
    api.view.OwnersAssembly.recent_votes(estate),
    api.query.System.Number.getValue(),
  ]);
  const votes = await Promise.all(ids.map(async (id): Promise<AssemblyVoteView | undefined> => {
    const [found, status, secret] = await Promise.all([
      api.view.OwnersAssembly.vote(id),
      who ? api.view.OwnersAssembly.voter_status(id, who) : Promise.resolve(undefined),
      who ? api.view.OwnersAssembly.secret_election(id, who) : Promise.resolve(undefined),
    ]);
    if (!found) return undefined;
    const [v, candidates, results] = found;
    const matters = v.matters.map((m, i): AssemblyMatterView => {
      const q = m.question;
      const question: QuestionView = q.type === 'Motion' ? { kind: 'motion' }
        : q.type === 'Choose' ? { kind: 'choose', alternatives: q.value.map((a) => text(a.label)) }
          : { kind: 'election', seats: q.value.seats, nominators: q.value.nominators };
      const result = results?.[i];
      const o = result?.[0];
      const outcome: OutcomeView | undefined = !o ? undefined
        : o.type === 'Chosen' ? { kind: 'Chosen', alternative: o.value }
          : o.type === 'Elected' ? { kind: 'Elected', elected: [...o.value.elected], vacant: o.value.vacant }
            : { kind: o.type };
      return {
        title: text(m.title),
        category: m.category.type,
        special: SPECIAL.has(m.category.type),
        question,
        candidates: (candidates[i] ?? []).map((c) => ({ who: c.who, nominations: c.nominations })),
        outcome,
        tally: result?.[1].map(count),
      };
    });
    const stage: AssemblyVoteView['stage'] = v.status.type === 'Closed' ? 'closed' : now < v.opens ? 'notice' : 'open';
    return {
      id,
      estate: v.estate,
      calledBy: v.called_by,
      opens: v.opens,
      closes: v.closes,
      stage,
      electorate: count(v.electorate),
      turnout: count(v.turnout),
      matters,
      myHolding: status?.[0] ? count({ owners: 1, area: status[0].area }) : undefined,
      voted: status?.[1] ?? false,
      secret: secret ? { poll: secret[0], station: secret[1] } : undefined,
    };
  }));
  return votes.filter((v): v is AssemblyVoteView => v !== undefined);
}
