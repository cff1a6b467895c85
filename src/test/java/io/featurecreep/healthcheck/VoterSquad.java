package io.featurecreep.healthcheck;

import java.util.ArrayList;
import java.util.List;

import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;

/** A squad made through the API for the voting tests: its owner, and members who joined by its invite. */
record VoterSquad(String id, Caller owner, List<Caller> members) {

	static VoterSquad create(GraphQlApi api, int members, boolean anonymous) {
		Caller owner = api.as(api.newPerson("Owner"));
		String squadId = owner
			.execute("mutation($a: Boolean) { createSquad(input: {name: \"Voters\", anonymous: $a}) { id } }", "a", anonymous)
			.ok()
			.text("createSquad.id");
		String token = owner.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", squadId)
			.ok()
			.text("createInvite.token");
		List<Caller> all = new ArrayList<>();
		for (int i = 0; i < members; i++) {
			Caller member = api.as(api.newPerson("Member" + i));
			member.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok();
			all.add(member);
		}
		return new VoterSquad(squadId, owner, all);
	}

}
