package io.featurecreep.squads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;

/** A squad that is not open is hidden from people outside it: no answer tells them it exists. */
@FeatureCreepTest
class HiddenSquadTests {

	static final String ADD_MEMBER = "mutation($s: String!, $p: String!) { addMemberToSquad(input: {squadId: $s, personId: $p}) { id } }";

	@Autowired
	GraphQlApi api;

	Caller owner;

	Caller outsider;

	String hiddenSquadId;

	@BeforeEach
	void hiddenSquad() {
		owner = api.as(api.newPerson("Owner"));
		outsider = api.as(api.newPerson("Outsider"));
		hiddenSquadId = owner.execute("mutation { createSquad(input: {name: \"Hidden\"}) { id } }")
			.ok()
			.text("createSquad.id");
	}

	@Test
	void addingOneselfToAHiddenSquadAnswersLikeAMadeUpId() {
		GraphQlResponse hidden = outsider.execute(ADD_MEMBER, "s", hiddenSquadId, "p", outsider.person().id());
		GraphQlResponse madeUp = outsider.execute(ADD_MEMBER, "s", "made-up-squad-id", "p", outsider.person().id());

		assertThat(hidden.errorMessages()).isEqualTo(madeUp.errorMessages()).hasSize(1);
		assertThat(hidden.errorCodes()).isEqualTo(madeUp.errorCodes());
	}

	@Test
	void addingAnUnknownPersonToAHiddenSquadAnswersLikeAMadeUpId() {
		GraphQlResponse hidden = outsider.execute(ADD_MEMBER, "s", hiddenSquadId, "p", "made-up-person-id");
		GraphQlResponse madeUp = outsider.execute(ADD_MEMBER, "s", "made-up-squad-id", "p", "made-up-person-id");

		assertThat(hidden.errorMessages()).isEqualTo(madeUp.errorMessages()).hasSize(1);
		assertThat(hidden.errorCodes()).isEqualTo(madeUp.errorCodes());
	}

	@Test
	void membersStillHearThatTheirSquadIsNotOpen() {
		owner.execute(ADD_MEMBER, "s", hiddenSquadId, "p", owner.person().id())
			.failsWith("Cannot add a person to a squad that is not open", "UNAUTHENTICATED");
	}

	@Test
	void anOpenSquadTakesAnyoneWhileItIsOpen() {
		owner.execute("mutation($s: String!) { setSquadOpen(input: {squadId: $s}) { open } }", "s", hiddenSquadId)
			.ok();

		outsider.execute(ADD_MEMBER, "s", hiddenSquadId, "p", outsider.person().id()).ok();
	}

}
