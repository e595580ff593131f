// The civic calls the portal makes, built from what a person chose in a form. Pages never name
// a pallet or an enum variant themselves: they call these.
import { Enum, AccountId } from 'polkadot-api';
import { blake2b256 } from '@polkadot-labs/hdkd-helpers';
import type { Chain } from './connection';
import type { BallotKeyProof } from './prover';
import { bytes } from './format';

export type Choice = 'Aye' | 'Nay' | 'Abstain';
/** An owner's answer on one matter of an assembly vote. */
export type OwnersChoice = Choice | { alternative: number } | { candidates: number[] };
export const CHOICES: Choice[] = ['Aye', 'Nay', 'Abstain'];
/** How a topic's ballots are cast: by name in the open, sealed then revealed, or anonymously. */
export type Secrecy = 'Open' | 'Sealed' | 'Anonymous';
export const SECRECIES: Secrecy[] = ['Open', 'Sealed', 'Anonymous'];
export const TOPIC_CATEGORIES = ['PublicAffairs', 'Environment', 'Facilities', 'Safety', 'Funds', 'Other'] as const;
export const SPEND_CATEGORIES = ['Facilities', 'Environment', 'ElderlyCare', 'Youth', 'Culture', 'Assistance',
  'Safety', 'Administration', 'Other'] as const;
export const HELP_CATEGORIES = ['Shopping', 'MedicalEscort', 'HomeRepair', 'Companionship', 'Emergency', 'Other'] as const;
export const NOTICE_CATEGORIES = ['ResidentsAffairs', 'PartyAffairs', 'Finances', 'Housing', 'Emergency'] as const;
/** The categories of an owners' assembly matter a motion may have (paying from the fund and
 * electing the committee have their own forms). */
export const ASSEMBLY_MOTION_CATEGORIES = ['AssemblyRules', 'ManagementStatute', 'PropertyCompany', 'RaiseMaintenanceFund',
  'Rebuild', 'CommonParts', 'PublicRevenue', 'OtherMajor'] as const;
export const ROLES = ['Volunteer', 'VolunteerOrganisation', 'SpecialNeeds', 'GridWorker', 'OwnersCommittee',
  'TreasurySupervisor', 'PollingOfficer', 'ServiceProvider', 'AidDistributor', 'HousingOfficer'] as const;

const CHOICE_INDEX: Record<Choice, number> = { Aye: 0, Nay: 1, Abstain: 2 };
const accountId = AccountId();

/**
 * The commitment of a secret ballot, as the consultation pallet computes it
 * (`blake2_256((topic, who, choice, salt).encode())`).
 */
export function ballotCommitment(topic: number, who: string, choice: Choice, salt: Uint8Array): Uint8Array {
  const encoded = new Uint8Array(4 + 32 + 1 + 32);
  new DataView(encoded.buffer).setUint32(0, topic, true);
  encoded.set(accountId.enc(who), 4);
  encoded[36] = CHOICE_INDEX[choice];
  encoded.set(salt, 37);
  return blake2b256(encoded);
}

const toHex = (b: Uint8Array) => `0x${[...b].map((x) => x.toString(16).padStart(2, '0')).join('')}` as const;

/** Builders of every call the portal sends; each returns an unsigned transaction. */
export const actions = (chain: Chain) => {
  const tx = chain.api.tx;
  return {
    raiseTopic: (unit: number, title: string, body: string, category: string, secrecy: Secrecy) =>
      tx.Consultation.raise_topic({
        unit,
        title: bytes(title),
        body: Enum('Text', bytes(body)),
        category: Enum(category as 'Other'),
        action: Enum('Resolution'),
        secrecy: Enum(secrecy),
      }),
    support: (topic: number) => tx.Consultation.support({ topic }),
    giveOpinion: (topic: number, text: string) => tx.Consultation.give_opinion({ topic, text: bytes(text) }),
    vote: (topic: number, choice: Choice) => tx.Consultation.vote({ topic, choice: Enum(choice) }),
    commitVote: (topic: number, who: string, choice: Choice, salt: Uint8Array) =>
      tx.Consultation.commit_vote({ topic, commitment: toHex(ballotCommitment(topic, who, choice, salt)) }),
    revealVote: (topic: number, choice: Choice, salt: Uint8Array) =>
      tx.Consultation.reveal_vote({ topic, choice: Enum(choice), salt: toHex(salt) }),
    donate: (unit: number, amount: bigint, memo: string) =>
      tx.CommunityTreasury.donate({ unit, amount, memo: bytes(memo) }),
    proposeSpend: (unit: number, beneficiary: string, amount: bigint, category: string, purpose: string) =>
      tx.CommunityTreasury.propose_spend({
        unit,
        beneficiary: Enum('Account', beneficiary),
        amount,
        category: Enum(category as 'Other'),
        purpose: Enum('Text', bytes(purpose)),
        consultation: undefined,
      }),
    answerTopic: (topic: number, text: string) => tx.Consultation.answer_topic({ topic, text: bytes(text) }),
    reportProgress: (topic: number, text: string, completed: boolean) =>
      tx.Consultation.report_progress({ topic, text: bytes(text), completed }),
    recordPaperBallot: (topic: number, resident: string, choice: Choice) =>
      tx.Consultation.record_offline_ballot({ topic, resident, ballot: Enum('Open', Enum(choice)) }),
    /** A unit's pot, set up from the level above: who supervises, how many must approve, and
     * the residents' oversight (the share of residents whose objections force a vote, in percent;
     * above `voteCap` every spend goes to the residents' vote). */
    configurePot: (unit: number, supervisors: string[], requiredApprovals: number, objectionPercent: number, voteCap: bigint) =>
      tx.CommunityTreasury.configure({
        unit,
        settings: {
          supervisors,
          required_approvals: requiredApprovals,
          objection_share: Math.round(objectionPercent * 10_000),
          vote_cap: voteCap,
        },
      }),
    approveSpend: (index: number) => tx.CommunityTreasury.approve_spend({ index }),
    rejectSpend: (index: number) => tx.CommunityTreasury.reject_spend({ index }),
    object: (index: number) => tx.CommunityTreasury.object({ index }),
    signUp: (activity: number) => tx.VolunteerCredits.sign_up({ activity }),
    redeem: (provider: string, minutes: number, reward: number) =>
      tx.VolunteerCredits.redeem({ provider, minutes, reward }),
    donateCredits: (to: string, minutes: number) => tx.VolunteerCredits.donate({ to, minutes }),
    declareService: (skills: string[], areas: number[]) =>
      tx.Assistance.declare_service({ skills: skills.map((k) => Enum(k as 'Other')), areas }),
    openRequest: (recipient: string, category: string, urgent: boolean, minutes: number, details: string) =>
      tx.Assistance.open_request({
        recipient,
        category: Enum(category as 'Other'),
        urgency: Enum(urgent ? 'Urgent' : 'Normal'),
        minutes,
        // The request's details stay off chain: only their hash is recorded.
        details: toHex(blake2b256(bytes(details))),
        // The recipient's own time credits and a subsidy are offered by officers' tools, not here.
        credits: 0,
        subsidy: 0n,
      }),
    accept: (request: number) => tx.Assistance.accept({ request }),
    complete: (request: number, minutes: number) => tx.Assistance.complete({ request, minutes }),
    confirm: (request: number) => tx.Assistance.confirm({ request }),
    register: (who: string, community: number, commitment: `0x${string}`) =>
      tx.PartyBranch.register({ who, community, commitment }),
    approveMove: (resident: string) => tx.PartyBranch.approve_move({ resident }),
    approve: (applicant: string) => tx.PartyBranch.approve({ applicant }),
    reject: (applicant: string) => tx.PartyBranch.reject({ applicant }),
    /** A notice on `unit`'s board; `publicity` in blocks (its publicity period), if any. */
    publishNotice: (unit: number, category: string, title: string, body: string, publicity: number | undefined, repliesOpen: boolean) =>
      tx.PublicAffairs.publish_notice({
        unit,
        category: Enum(category as 'Finances'),
        title: bytes(title),
        body: Enum('Text', bytes(body)),
        publicity,
        replies_open: repliesOpen,
      }),
    acknowledge: (notice: number, named: boolean) => tx.PublicAffairs.acknowledge({ notice, named }),
    reply: (notice: number, text: string) => tx.PublicAffairs.reply({ notice, text: bytes(text) }),
    raiseMatter: (unit: number, text: string, aboutNotice?: number) =>
      tx.PublicAffairs.raise_matter({
        unit,
        about: aboutNotice === undefined ? undefined : Enum('Notice', aboutNotice),
        text: bytes(text),
      }),
    answerMatter: (matter: number, text: string) => tx.PublicAffairs.answer_matter({ matter, text: bytes(text) }),
    rateAnswer: (matter: number, satisfied: boolean) => tx.PublicAffairs.rate_answer({ matter, satisfied }),
    takeUp: (matter: number) => tx.PublicAffairs.take_up({ matter }),
    /** An owner's ballot in an assembly vote: an answer for every matter. */
    castOwnersBallot: (vote: number, choices: OwnersChoice[]) =>
      tx.OwnersAssembly.cast_ballot({
        vote,
        choices: choices.map((c) => (typeof c === 'string' ? Enum(c)
          : 'alternative' in c ? Enum('Alternative', c.alternative)
            : Enum('Candidates', Uint8Array.from(c.candidates)))),
      }),
    /** A vote of one matter, open `votingBlocks` after the notice: a motion recorded as
     * decided, a payment from the maintenance fund, or a committee election. */
    callAssemblyVote: (estate: number, title: string, matter:
      | { kind: 'motion'; category: string }
      | { kind: 'pay'; to: string; amount: bigint }
      | { kind: 'election'; seats: number; termBlocks: number }, votingBlocks: number) =>
      tx.OwnersAssembly.call_vote({
        estate,
        matters: [{
          title: bytes(title),
          category: Enum((matter.kind === 'pay' ? 'UseMaintenanceFund' : matter.kind === 'election' ? 'CommitteeElection' : matter.category) as 'OtherMajor'),
          question: matter.kind === 'pay'
            ? Enum('Motion', Enum('PayFromFund', { to: matter.to, amount: matter.amount }))
            : matter.kind === 'election'
              ? Enum('Election', { seats: matter.seats, term: matter.termBlocks, nominators: 1 })
              : Enum('Motion', Enum('Record')),
        }],
        voting_period: votingBlocks,
      }),
    /** A committee election by secret ballot: owners enrol during the notice to vote online. */
    callSecretElection: (estate: number, title: string, seats: number, termBlocks: number, votingBlocks: number) =>
      tx.OwnersAssembly.call_secret_election({
        estate, title: bytes(title), seats, term: termBlocks, nominators: 1, voting_period: votingBlocks,
      }),
    /** Enrols in a secret election's anonymous poll with a ballot key made in this browser. */
    enrolInElection: (poll: number, { key, possession }: BallotKeyProof) =>
      tx.AnonymousBallot.enrol({ poll, key: toHex(key), possession: toHex(possession) }),
    recordOwnersPaperBallot: (vote: number, owner: string, choice: Choice) =>
      tx.OwnersAssembly.record_paper_ballot({ vote, owner, choices: [Enum(choice)] }),
    countersignOwnersPaperBallot: (vote: number, owner: string) =>
      tx.OwnersAssembly.countersign_paper_ballot({ vote, owner }),
    /** A payment into the maintenance fund for a home (the payer's own money: never free). */
    depositFund: (estate: number, property: number, amount: bigint) =>
      tx.OwnersAssembly.deposit_fund({ estate, property, amount }),
    nominate: (vote: number, matter: number, candidate: string) =>
      tx.OwnersAssembly.nominate({ vote, matter, candidate }),
    /**
     * Registers the public half of the resident's anonymous ballot key with its proof of
     * possession for the resident's account (free, civic).
     */
    registerBallotKey: ({ key, possession }: BallotKeyProof) =>
      tx.AnonymousBallot.register_key({ key: toHex(key), possession: toHex(possession) }),
    /** Replaces it (a new device, a lost secret): for polls that open from now on. */
    replaceBallotKey: ({ key, possession }: BallotKeyProof) =>
      tx.AnonymousBallot.replace_key({ key: toHex(key), possession: toHex(possession) }),
    grantRole: (who: string, role: string, unit: number) =>
      tx.PartyBranch.grant_role({ who, role: Enum(role as 'Volunteer'), unit }),
  };
};

export type Actions = ReturnType<typeof actions>;
