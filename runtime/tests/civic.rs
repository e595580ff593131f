//! The civic configuration: which calls are free for residents, what a civic proxy may do, and
//! the sample organisation of the presets.

mod common;

use frame_support::traits::{Contains, InstanceFilter};
use gongzhi_primitives::civic::{CivicRegistry, Role};
use gongzhi_runtime::{
	configs::{accounts::ProxyType, civic::CivicCalls},
	PartyBranch, Runtime, RuntimeCall,
};
use sp_keyring::Sr25519Keyring::*;

fn request_move() -> RuntimeCall {
	RuntimeCall::PartyBranch(pallet_party_branch::Call::request_move { to: 4 })
}

fn transfer() -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: Bob.to_account_id().into(),
		value: 1,
	})
}

fn add_proxy(proxy_type: ProxyType) -> RuntimeCall {
	RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
		delegate: Bob.to_account_id().into(),
		proxy_type,
		delay: 0,
	})
}

fn proxied(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Proxy(pallet_proxy::Call::proxy {
		real: Ferdie.to_account_id().into(),
		force_proxy_type: Some(ProxyType::Civic),
		call: Box::new(call),
	})
}

fn object() -> RuntimeCall {
	RuntimeCall::CommunityTreasury(pallet_community_treasury::Call::object { index: 0 })
}

fn vote() -> RuntimeCall {
	RuntimeCall::Consultation(pallet_consultation::Call::vote {
		topic: 0,
		choice: pallet_consultation::Choice::Aye,
	})
}

fn donate_credits() -> RuntimeCall {
	RuntimeCall::VolunteerCredits(pallet_volunteer_credits::Call::donate {
		to: Ferdie.to_account_id(),
		minutes: 30,
	})
}

fn donate() -> RuntimeCall {
	RuntimeCall::CommunityTreasury(pallet_community_treasury::Call::donate {
		unit: 3,
		amount: 1,
		memo: vec![],
	})
}

fn batch(calls: Vec<RuntimeCall>) -> RuntimeCall {
	RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })
}

#[test]
fn civic_calls_and_civic_proxy_business_are_free_for_residents() {
	for call in [
		request_move(),
		object(),
		proxied(object()),
		vote(),
		donate_credits(),
		// A relative or grid worker votes for an elderly resident.
		proxied(vote()),
		add_proxy(ProxyType::Civic),
		proxied(request_move()),
		batch(vec![request_move(), request_move()]),
	] {
		assert!(CivicCalls::contains(&call), "{call:?}");
	}
}

#[test]
fn the_free_quota_counts_every_civic_call_in_a_batch_or_proxy() {
	use pallet_party_branch::FreeCalls;
	assert_eq!(CivicCalls::count(&request_move()), Some(1));
	assert_eq!(CivicCalls::count(&proxied(vote())), Some(1));
	assert_eq!(CivicCalls::count(&batch(vec![request_move(); 5])), Some(5));
	assert_eq!(
		CivicCalls::count(&batch(vec![proxied(object()), vote(), add_proxy(ProxyType::Civic)])),
		Some(3)
	);
	assert_eq!(CivicCalls::count(&batch(vec![request_move(), transfer()])), None);
	assert_eq!(CivicCalls::count(&transfer()), None);
}

#[test]
fn everything_else_pays() {
	for call in [
		transfer(),
		// A donation moves the resident's own money.
		donate(),
		proxied(donate()),
		add_proxy(ProxyType::Any),
		proxied(transfer()),
		batch(vec![request_move(), transfer()]),
		batch(vec![]),
		// Nesting beyond two levels is not looked into.
		proxied(proxied(proxied(request_move()))),
	] {
		assert!(!CivicCalls::contains(&call), "{call:?}");
	}
}

#[test]
fn a_civic_proxy_acts_only_in_the_civic_pallets() {
	assert!(ProxyType::Civic.filter(&request_move()));
	assert!(ProxyType::Civic.filter(&object()));
	assert!(ProxyType::Civic.filter(&vote()));
	assert!(!ProxyType::Civic.filter(&transfer()));
	assert!(!ProxyType::Civic.filter(&donate()));
	assert!(!ProxyType::NonTransfer.filter(&donate()));
	assert!(ProxyType::NonTransfer.filter(&object()));
	assert!(!ProxyType::Civic.filter(&add_proxy(ProxyType::Any)));
	assert!(ProxyType::Any.is_superset(&ProxyType::Civic));
	assert!(!ProxyType::Civic.is_superset(&ProxyType::Any));
}

#[test]
fn the_development_chain_starts_with_the_sample_organisation() {
	common::new_ext("development").execute_with(|| {
		// Plum Garden (3) has two residents; East Street (1) and the district count them too.
		assert_eq!(PartyBranch::resident_count(3), 2);
		assert_eq!(PartyBranch::resident_count(1), 2);
		assert_eq!(PartyBranch::resident_count(0), 3);
		assert_eq!(PartyBranch::community_of(&Ferdie.to_account_id()), Some(3));
		assert!(PartyBranch::has_role(&Ferdie.to_account_id(), Role::SpecialNeeds, 3));
		assert!(PartyBranch::is_officer(&Dave.to_account_id(), 6));
		assert!(PartyBranch::is_officer(&Bob.to_account_id(), 3));
		assert!(!PartyBranch::is_officer(&Charlie.to_account_id(), 3));
		assert_eq!(PartyBranch::free_calls_left(&Ferdie.to_account_id()), 20);
	});
}

#[test]
fn development_chains_have_short_treasury_periods_and_the_district_the_runtime_s() {
	use gongzhi_runtime::{configs::civic, genesis_config_presets::DEV_TREASURY_PERIODS};
	use pallet_community_treasury::{ApprovalPeriod, NoticePeriod};
	common::new_ext("development").execute_with(|| {
		assert_eq!(
			(ApprovalPeriod::<Runtime>::get(), NoticePeriod::<Runtime>::get()),
			DEV_TREASURY_PERIODS
		);
	});
	common::new_ext("district").execute_with(|| {
		assert_eq!(NoticePeriod::<Runtime>::get(), civic::NoticePeriod::get());
		assert_eq!(ApprovalPeriod::<Runtime>::get(), civic::ApprovalPeriod::get());
	});
}

#[test]
fn development_chains_have_short_consultation_periods_and_the_district_the_runtime_s() {
	use gongzhi_runtime::{configs::civic, genesis_config_presets::DEV_CONSULTATION_PERIODS};
	use pallet_consultation::ChainPeriods;
	common::new_ext("development").execute_with(|| {
		assert_eq!(ChainPeriods::<Runtime>::get(), DEV_CONSULTATION_PERIODS);
	});
	common::new_ext("district").execute_with(|| {
		assert_eq!(ChainPeriods::<Runtime>::get(), civic::ConsultationPeriods::get());
	});
}

#[test]
fn an_immortal_transaction_is_refused_so_a_reaped_account_cannot_replay_old_ones() {
	use gongzhi_runtime::configs::transactions::{CheckMortalEra, IMMORTAL_TRANSACTION};
	use frame_support::{dispatch::GetDispatchInfo, pallet_prelude::TransactionSource};
	use sp_runtime::{
		generic::Era,
		traits::{TransactionExtension, TxBaseImplication},
		transaction_validity::{InvalidTransaction, TransactionValidityError},
	};
	common::new_ext("development").execute_with(|| {
		let refused: TransactionValidityError =
			InvalidTransaction::Custom(IMMORTAL_TRANSACTION).into();
		let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		let validate = |origin: gongzhi_runtime::RuntimeOrigin| {
			let immortal = CheckMortalEra::from(Era::Immortal);
			let implicit = immortal.implicit().expect("the genesis hash");
			immortal
				.validate(
					origin,
					&call,
					&call.get_dispatch_info(),
					0,
					implicit,
					&TxBaseImplication(()),
					TransactionSource::External,
				)
				.map(|_| ())
		};
		// Every transaction an account signs must be mortal ...
		assert_eq!(validate(common::signed(Alice)), Err(refused));
		// ... while a general one authorised by its call (an anonymous ballot, which names no
		// account and bounds its own life) may be immortal.
		assert_eq!(validate(frame_system::RawOrigin::Authorized.into()), Ok(()));
		// A mortal era born at a known block is taken, and names that block's hash.
		let birth = gongzhi_runtime::System::block_hash(0);
		assert_eq!(CheckMortalEra::from(Era::mortal(64, 0)).implicit(), Ok(birth));
	});
}

#[test]
fn pure_proxies_are_refused_on_every_path() {
	use frame_support::traits::Contains;
	use gongzhi_runtime::configs::RuntimeCallFilter;
	let create = RuntimeCall::Proxy(pallet_proxy::Call::create_pure {
		proxy_type: ProxyType::Any,
		delay: 0,
		index: 0,
	});
	assert!(!RuntimeCallFilter::contains(&create));
	// The filter applies to each call of a batch and to a proxy's call as they are dispatched.
	common::new_ext("development").execute_with(|| {
		use sp_runtime::traits::Dispatchable;
		let alice = gongzhi_runtime::RuntimeOrigin::signed(Alice.to_account_id());
		let direct = create.clone().dispatch(alice.clone()).map(|_| ()).map_err(|e| e.error);
		assert_eq!(direct, Err(frame_system::Error::<Runtime>::CallFiltered.into()));
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![create] });
		assert!(batch.dispatch(alice).is_err());
	});
	// Ordinary proxies are still there: a relative's civic proxy.
	let civic = RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
		delegate: Bob.to_account_id().into(),
		proxy_type: ProxyType::Civic,
		delay: 0,
	});
	assert!(RuntimeCallFilter::contains(&civic));
}

/// The reads the portal and wallets make go through view functions: in the metadata, answered by
/// the runtime's `RuntimeViewFunction` API, the same through a light client as through RPC.
#[test]
fn wallets_read_a_residents_standing_and_a_units_topics_through_view_functions() {
	use codec::{Decode, Encode};
	use frame_support::view_functions::ViewFunction;
	use pallet_consultation::{BallotOfViewFunction, SupportedViewFunction};
	use pallet_consultation::{TopicId, TopicOf, TopicsOfViewFunction};
	use pallet_party_branch::{
		FreeCallsLeftNowViewFunction, OfficesOfViewFunction, ResidencyViewFunction,
		RolesOfViewFunction, UnitOf, UnitPathViewFunction,
	};

	fn view<Out: Decode>(
		id: frame_support::view_functions::ViewFunctionId,
		input: impl Encode,
	) -> Out {
		let output = Runtime::execute_view_function(id, input.encode())
			.unwrap_or_else(|e| panic!("the runtime answers its view function: {e:?}"));
		Out::decode(&mut &output[..]).expect("the answer decodes as declared")
	}

	common::new_ext("development").execute_with(|| {
		let ferdie = Ferdie.to_account_id();
		let residency: Option<(u32, u32)> = view(ResidencyViewFunction::<Runtime>::id(), &ferdie);
		assert_eq!(
			residency.map(|(community, _)| community),
			Some(3),
			"Ferdie lives in Plum Garden"
		);
		let stranger: Option<(u32, u32)> =
			view(ResidencyViewFunction::<Runtime>::id(), Alice.to_account_id());
		assert_eq!(stranger, None);

		let quota = pallet_party_branch::FreeCallQuota::<Runtime>::get();
		let left: u32 = view(FreeCallsLeftNowViewFunction::<Runtime>::id(), &ferdie);
		assert_eq!(left, quota);

		let roles: Vec<(Role, u32)> =
			view(RolesOfViewFunction::<Runtime>::id(), Eve.to_account_id());
		assert!(roles.contains(&(Role::GridWorker, 6)), "Eve is the grid worker of grid 6");

		let path: Vec<(u32, UnitOf<Runtime>)> = view(UnitPathViewFunction::<Runtime>::id(), 3u32);
		let names: Vec<Vec<u8>> = path.iter().map(|(_, unit)| unit.name.to_vec()).collect();
		assert_eq!(names, [&b"Gongzhi District"[..], b"East Street", b"Plum Garden Community"]);
		assert_eq!(path[2].1.secretary, Some(Dave.to_account_id()));
		let offices: Vec<u32> = view(OfficesOfViewFunction::<Runtime>::id(), Eve.to_account_id());
		assert_eq!(offices, vec![3], "Eve sits on Plum Garden's committee");

		frame_support::assert_ok!(gongzhi_runtime::Consultation::raise_topic(
			gongzhi_runtime::RuntimeOrigin::signed(ferdie.clone()),
			3,
			b"A bench by the pond".to_vec(),
			pallet_consultation::Body::Text(b"for the elderly".to_vec()),
			pallet_consultation::Category::Facilities,
			pallet_consultation::Action::Resolution,
			pallet_consultation::Secrecy::Open,
		));
		let (topics, next): (Vec<(TopicId, TopicOf<Runtime>)>, Option<TopicId>) =
			view(TopicsOfViewFunction::<Runtime>::id(), (3u32, Option::<TopicId>::None));
		assert_eq!(topics.len(), 1);
		assert_eq!(topics[0].1.author, Some(ferdie.clone()));
		assert_eq!(next, None);
		let supported: bool = view(SupportedViewFunction::<Runtime>::id(), (topics[0].0, &ferdie));
		assert!(supported, "raising a topic is its author's support");
		let ballot: Option<pallet_consultation::BallotVote> =
			view(BallotOfViewFunction::<Runtime>::id(), (topics[0].0, &ferdie));
		assert_eq!(ballot, None, "nobody votes while a topic gathers support");
		let elsewhere: (Vec<(TopicId, TopicOf<Runtime>)>, Option<TopicId>) =
			view(TopicsOfViewFunction::<Runtime>::id(), (4u32, Option::<TopicId>::None));
		assert!(elsewhere.0.is_empty(), "Bamboo Lane has none");
	});
}

fn owners_ballot() -> RuntimeCall {
	RuntimeCall::OwnersAssembly(pallet_owners_assembly::Call::cast_ballot {
		vote: 0,
		choices: vec![pallet_owners_assembly::Choice::Aye],
	})
}

fn deposit_fund() -> RuntimeCall {
	RuntimeCall::OwnersAssembly(pallet_owners_assembly::Call::deposit_fund {
		estate: 0,
		property: 0,
		amount: 1,
	})
}

#[test]
fn an_owners_ballot_is_civic_and_a_payment_into_the_estate_pot_is_not() {
	assert!(CivicCalls::contains(&owners_ballot()));
	// a relative or grid worker votes for an elderly owner
	assert!(CivicCalls::contains(&proxied(owners_ballot())));
	assert!(ProxyType::Civic.filter(&owners_ballot()));
	for pays in [
		deposit_fund(),
		RuntimeCall::OwnersAssembly(pallet_owners_assembly::Call::book_revenue {
			estate: 0,
			source: pallet_owners_assembly::RevenueSource::Parking,
			amount: 1,
		}),
	] {
		assert!(!CivicCalls::contains(&pays), "{pays:?}");
		assert!(!ProxyType::Civic.filter(&pays), "{pays:?}");
		assert!(!ProxyType::NonTransfer.filter(&pays), "{pays:?}");
	}
}

#[test]
fn the_sample_estate_counts_owners_by_unit_and_area_and_its_absentee_owners_vote_free() {
	use gongzhi_runtime::OwnersAssembly;
	common::new_ext("development").execute_with(|| {
		let estate = OwnersAssembly::estate(0).expect("the sample estate");
		assert_eq!((estate.units, estate.owners, estate.area), (7, 5, 7_000_000));
		assert!(estate.confirmed && estate.area == estate.registered_area);
		assert_eq!(estate.community, 3);
		// Ferdie's two flats are one owner with 210 m²; the developer's two unsold units one more
		let ferdie = OwnersAssembly::holding(0, Ferdie.to_account_id()).expect("an owner");
		assert_eq!((ferdie.units, ferdie.area), (2, 2_100_000));
		let developer = FerdieStash.to_account_id();
		assert_eq!(OwnersAssembly::holding(0, developer.clone()).map(|h| h.units), Some(2));
		// the developer is neither a resident nor an officer: as an owner it has the quota
		assert_eq!(PartyBranch::community_of(&developer), None);
		assert_eq!(PartyBranch::free_calls_left(&developer), 20);
		assert_eq!(PartyBranch::free_calls_left(&Two.to_account_id()), 0);
		assert!(PartyBranch::has_role(&EveStash.to_account_id(), Role::HousingOfficer, 3));
	});
}
