//! Deliberation and ballots: opinions, open votes, secret ballots (commit, reveal) and paper
//! ballots recorded by polling officers. One ballot per resident per topic, whatever the channel.

use codec::Encode;
use frame_support::{ensure, traits::Get};
use gongzhi_primitives::civic::{CivicRegistry, Role};
use sp_runtime::{
	traits::{SaturatedConversion, Saturating},
	DispatchResult,
};

use crate::{
	Ballot, BallotVote, Ballots, Channel, Choice, Config, Error, Event, MeetingOf, Meetings,
	OfflineBallotCount, OpinionOf, Opinions, Pallet, Phase, Secrecy, TopicId, TopicOf, TopicStatus,
	Topics,
};

impl<T: Config> Pallet<T> {
	/// Topic `id` and its meeting.
	fn in_meeting(id: TopicId) -> Result<(TopicOf<T>, MeetingOf<T>), Error<T>> {
		let topic = Topics::<T>::get(id).ok_or(Error::<T>::UnknownTopic)?;
		let meeting = match topic.status {
			TopicStatus::InMeeting(m) => Meetings::<T>::get(m),
			_ => None,
		};
		let meeting = meeting.ok_or(Error::<T>::NotVoting)?;
		Ok((topic, meeting))
	}

	/// Whether ballots of `topic` are cast by name the way `wanted` says: open ones in the open,
	/// sealed ones as commitments. Anonymous topics take none here.
	fn ensure_secrecy(topic: &TopicOf<T>, wanted: Secrecy) -> Result<(), Error<T>> {
		match (topic.secrecy, wanted) {
			(Secrecy::Anonymous, _) => Err(Error::<T>::AnonymousBallot),
			(Secrecy::Sealed, Secrecy::Open) => Err(Error::<T>::SecretBallot),
			(Secrecy::Open, Secrecy::Sealed) => Err(Error::<T>::NotSecret),
			_ => Ok(()),
		}
	}

	/// Whether `who` is in the electorate of `meeting`: a verified resident of its unit
	/// registered before voting opened.
	fn ensure_in_electorate(who: &T::AccountId, meeting: &MeetingOf<T>) -> Result<(), Error<T>> {
		ensure!(T::Registry::is_resident_of(who, meeting.unit), Error::<T>::NotAResidentOfUnit);
		let opened = meeting.voting_opened_at.ok_or(Error::<T>::NotVoting)?;
		let since = T::Registry::resident_since(who).ok_or(Error::<T>::NotAResidentOfUnit)?;
		ensure!(since < opened.saturated_into::<u64>(), Error::<T>::NotInElectorate);
		Ok(())
	}

	pub(crate) fn do_give_opinion(
		who: T::AccountId,
		id: TopicId,
		text: OpinionOf<T>,
	) -> DispatchResult {
		let (mut topic, meeting) = Self::in_meeting(id).map_err(|_| Error::<T>::NotDeliberating)?;
		ensure!(matches!(meeting.phase, Phase::Deliberation { .. }), Error::<T>::NotDeliberating);
		ensure!(
			T::Registry::is_resident_of(&who, topic.unit)
				|| T::Registry::is_officer(&who, topic.unit),
			Error::<T>::NotAResidentOfUnit
		);
		if !Opinions::<T>::contains_key(id, &who) {
			ensure!(topic.opinions < T::MaxOpinionsPerTopic::get(), Error::<T>::TooManyOpinions);
			topic.opinions.saturating_inc();
			Topics::<T>::insert(id, topic);
		}
		Opinions::<T>::insert(id, &who, text);
		Self::deposit_event(Event::OpinionGiven { topic: id, who });
		Ok(())
	}

	pub(crate) fn do_vote(who: T::AccountId, id: TopicId, choice: Choice) -> DispatchResult {
		let (mut topic, meeting) = Self::in_meeting(id)?;
		ensure!(matches!(meeting.phase, Phase::Voting { .. }), Error::<T>::NotVoting);
		Self::ensure_secrecy(&topic, Secrecy::Open)?;
		Self::ensure_in_electorate(&who, &meeting)?;
		match Ballots::<T>::get(id, &who) {
			Some(Ballot { vote: BallotVote::Open(old), channel }) => {
				topic.tally.remove(old);
				Self::note_replaced(id, &who, channel);
			},
			Some(_) => return Err(Error::<T>::AlreadyVoted.into()),
			None => {},
		}
		topic.tally.add(choice);
		Topics::<T>::insert(id, topic);
		Ballots::<T>::insert(
			id,
			&who,
			Ballot { vote: BallotVote::Open(choice), channel: Channel::Online },
		);
		Self::deposit_event(Event::Voted { topic: id, who, choice });
		Ok(())
	}

	pub(crate) fn do_commit_vote(
		who: T::AccountId,
		id: TopicId,
		commitment: [u8; 32],
	) -> DispatchResult {
		let (mut topic, meeting) = Self::in_meeting(id)?;
		ensure!(matches!(meeting.phase, Phase::Voting { .. }), Error::<T>::NotVoting);
		Self::ensure_secrecy(&topic, Secrecy::Sealed)?;
		Self::ensure_in_electorate(&who, &meeting)?;
		match Ballots::<T>::get(id, &who) {
			Some(Ballot { vote: BallotVote::Sealed(_), channel }) => {
				Self::note_replaced(id, &who, channel)
			},
			Some(_) => return Err(Error::<T>::AlreadyVoted.into()),
			None => {
				topic.tally.sealed.saturating_inc();
				Topics::<T>::insert(id, topic);
			},
		}
		Ballots::<T>::insert(
			id,
			&who,
			Ballot { vote: BallotVote::Sealed(commitment), channel: Channel::Online },
		);
		Self::deposit_event(Event::VoteCommitted { topic: id, who });
		Ok(())
	}

	/// The commitment a secret ballot of `who` for `choice` with `salt` has on topic `id`.
	pub fn commitment_of(
		id: TopicId,
		who: &T::AccountId,
		choice: Choice,
		salt: &[u8; 32],
	) -> [u8; 32] {
		sp_io::hashing::blake2_256(&(id, who, choice, salt).encode())
	}

	pub(crate) fn do_reveal_vote(
		who: T::AccountId,
		id: TopicId,
		choice: Choice,
		salt: [u8; 32],
	) -> DispatchResult {
		Self::open_sealed(id, &who, Channel::Online, choice, salt)?;
		Self::deposit_event(Event::VoteRevealed { topic: id, who, choice });
		Ok(())
	}

	/// Opens `resident`'s sealed ballot on topic `id`, cast through `channel`, with `choice` and
	/// `salt`, while the meeting reveals: its choice joins the tally.
	fn open_sealed(
		id: TopicId,
		resident: &T::AccountId,
		channel: Channel<T::AccountId>,
		choice: Choice,
		salt: [u8; 32],
	) -> DispatchResult {
		let (mut topic, meeting) = Self::in_meeting(id).map_err(|_| Error::<T>::NotRevealing)?;
		ensure!(matches!(meeting.phase, Phase::Revealing { .. }), Error::<T>::NotRevealing);
		let Some(Ballot { vote: BallotVote::Sealed(commitment), channel: cast }) =
			Ballots::<T>::get(id, resident)
		else {
			return Err(Error::<T>::NothingToReveal.into());
		};
		// A paper ballot is revealed by the officer who recorded it, an online one by its voter.
		ensure!(cast == channel, Error::<T>::NotTheRevealer);
		ensure!(
			Self::commitment_of(id, resident, choice, &salt) == commitment,
			Error::<T>::CommitmentMismatch
		);
		topic.tally.sealed.saturating_dec();
		topic.tally.add(choice);
		Topics::<T>::insert(id, topic);
		Ballots::<T>::insert(id, resident, Ballot { vote: BallotVote::Open(choice), channel });
		Ok(())
	}

	/// A resident's own ballot replaced one an officer recorded for them: say so.
	fn note_replaced(id: TopicId, resident: &T::AccountId, channel: Channel<T::AccountId>) {
		if let Channel::Offline { officer } = channel {
			Self::deposit_event(Event::OfflineBallotReplaced {
				topic: id,
				resident: resident.clone(),
				officer,
			});
		}
	}

	pub(crate) fn do_record_offline_ballot(
		officer: T::AccountId,
		id: TopicId,
		resident: T::AccountId,
		ballot: BallotVote,
	) -> DispatchResult {
		let (mut topic, meeting) = Self::in_meeting(id)?;
		ensure!(matches!(meeting.phase, Phase::Voting { .. }), Error::<T>::NotVoting);
		ensure!(
			T::Registry::has_role(&officer, Role::PollingOfficer, topic.unit),
			Error::<T>::NotAPollingOfficer
		);
		let choice = match ballot {
			BallotVote::Open(choice) => {
				Self::ensure_secrecy(&topic, Secrecy::Open)?;
				Some(choice)
			},
			BallotVote::Sealed(_) => {
				Self::ensure_secrecy(&topic, Secrecy::Sealed)?;
				None
			},
		};
		Self::ensure_in_electorate(&resident, &meeting)?;
		ensure!(!Ballots::<T>::contains_key(id, &resident), Error::<T>::AlreadyVoted);
		let recorded = OfflineBallotCount::<T>::get(id, &officer);
		ensure!(
			recorded < T::MaxOfflineBallotsPerOfficer::get(),
			Error::<T>::TooManyOfflineBallots
		);
		OfflineBallotCount::<T>::insert(id, &officer, recorded.saturating_add(1));
		match choice {
			Some(choice) => topic.tally.add(choice),
			None => topic.tally.sealed.saturating_inc(),
		}
		Topics::<T>::insert(id, topic);
		Ballots::<T>::insert(
			id,
			&resident,
			Ballot { vote: ballot, channel: Channel::Offline { officer: officer.clone() } },
		);
		Self::deposit_event(Event::OfflineBallotRecorded { topic: id, resident, officer, choice });
		Ok(())
	}

	pub(crate) fn do_reveal_offline_ballot(
		officer: T::AccountId,
		id: TopicId,
		resident: T::AccountId,
		choice: Choice,
		salt: [u8; 32],
	) -> DispatchResult {
		Self::open_sealed(id, &resident, Channel::Offline { officer }, choice, salt)?;
		Self::deposit_event(Event::OfflineBallotRevealed { topic: id, resident, choice });
		Ok(())
	}
}
