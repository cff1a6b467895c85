package io.featurecreep.identity;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.identity.PeopleAdministration.PersonLine;

/**
 * The admin page's operations over GraphQL (organisation.graphqls): people and admins, the sign-up policy,
 * organisation invites and the audit log. Every service checks that the caller is an organisation admin; timestamps
 * are ISO-8601 instants.
 */
@Controller
class OrganisationGraphQlController {

	static final int DEFAULT_AUDIT_PAGE = 50;

	private final PeopleAdministration administration;

	private final SignUpPolicies policies;

	private final OrganisationInvites invites;

	private final AuditLog audit;

	private final People people;

	private final Clock clock;

	OrganisationGraphQlController(PeopleAdministration administration, SignUpPolicies policies,
			OrganisationInvites invites, AuditLog audit, People people, Clock clock) {
		this.administration = administration;
		this.policies = policies;
		this.invites = invites;
		this.audit = audit;
		this.people = people;
		this.clock = clock;
	}

	@QueryMapping
	List<OrganisationPersonView> organisationPeople(Principal principal) {
		return administration.people(Callers.id(principal)).stream().map(OrganisationPersonView::of).toList();
	}

	@QueryMapping
	SignUpPolicyView signUpPolicy(Principal principal) {
		return SignUpPolicyView.of(policies.shownTo(Callers.id(principal)));
	}

	@QueryMapping
	List<OrganisationInviteView> organisationInvites(Principal principal) {
		Instant now = clock.instant();
		return invites.list(Callers.id(principal)).stream().map(invite -> OrganisationInviteView.of(invite, now)).toList();
	}

	@QueryMapping
	AuditLogPageView auditLog(@Argument Integer first, @Argument Integer offset, Principal principal) {
		AuditLog.Page page = audit.newestFirst(Callers.id(principal), offset == null ? 0 : offset,
				first == null ? DEFAULT_AUDIT_PAGE : first);
		Map<String, Person> named = people.findAllById(page.entries()
			.stream()
			.flatMap(entry -> Stream.of(entry.actorId(), entry.subjectId()))
			.filter(Objects::nonNull)
			.distinct()
			.toList());
		return new AuditLogPageView(page.entries()
			.stream()
			.map(entry -> new AuditEntryView(entry.id(), entry.at().toString(), entry.action(), named.get(entry.actorId()),
					entry.subjectId() == null ? null : named.get(entry.subjectId()), entry.detail()))
			.toList(), page.offset(), page.hasMore());
	}

	@MutationMapping
	SignUpPolicyView setSignUpPolicy(@Argument SetSignUpPolicyInput input, Principal principal) {
		return SignUpPolicyView.of(policies.change(Callers.id(principal), input.mode(), input.domains()));
	}

	@MutationMapping
	CreatedOrganisationInviteView createOrganisationInvite(@Argument CreateOrganisationInviteInput input,
			Principal principal) {
		OrganisationInvites.Created created = invites.create(Callers.id(principal), input.label(), input.maxUses(),
				input.validForDays());
		return new CreatedOrganisationInviteView(created.path(),
				OrganisationInviteView.of(created.invite(), clock.instant()));
	}

	@MutationMapping
	OrganisationInviteView revokeOrganisationInvite(@Argument String id, Principal principal) {
		return OrganisationInviteView.of(invites.revoke(Callers.id(principal), id), clock.instant());
	}

	@MutationMapping
	OrganisationPersonView promoteToAdmin(@Argument String personId, Principal principal) {
		return OrganisationPersonView.of(administration.promote(Callers.id(principal), personId));
	}

	@MutationMapping
	OrganisationPersonView demoteAdmin(@Argument String personId, Principal principal) {
		return OrganisationPersonView.of(administration.demote(Callers.id(principal), personId));
	}

	@MutationMapping
	OrganisationPersonView deactivatePerson(@Argument String personId, Principal principal) {
		return OrganisationPersonView.of(administration.deactivate(Callers.id(principal), personId));
	}

	@MutationMapping
	OrganisationPersonView reactivatePerson(@Argument String personId, Principal principal) {
		return OrganisationPersonView.of(administration.reactivate(Callers.id(principal), personId));
	}

	@MutationMapping
	OrganisationPersonView erasePerson(@Argument String personId, Principal principal) {
		return OrganisationPersonView.of(administration.erase(Callers.id(principal), personId));
	}

	record SetSignUpPolicyInput(SignUpMode mode, List<String> domains) {
	}

	record CreateOrganisationInviteInput(String label, Integer maxUses, Integer validForDays) {
	}

	record SignUpPolicyView(SignUpMode mode, List<String> domains, boolean setByAdmin, String changedAt) {

		static SignUpPolicyView of(SignUpPolicy policy) {
			return new SignUpPolicyView(policy.mode(), policy.domains(), policy.setByAdmin(), iso(policy.changedAt()));
		}

	}

	record OrganisationPersonView(Person person, boolean admin, PersonStatus status, List<String> squads,
			String lastSignInAt, String createdAt) {

		static OrganisationPersonView of(PersonLine line) {
			return new OrganisationPersonView(line.person(), line.admin(), line.person().status(), line.squads(),
					iso(line.lastSignInAt()), iso(line.person().createdAt()));
		}

	}

	record OrganisationInviteView(String id, String label, int maxUses, int uses, String createdAt, String expiresAt,
			boolean revoked, boolean valid) {

		static OrganisationInviteView of(OrganisationInvite invite, Instant now) {
			return new OrganisationInviteView(invite.id(), invite.label(), invite.maxUses(), invite.uses(),
					iso(invite.createdAt()), iso(invite.expiresAt()), invite.revoked(), invite.usableAt(now));
		}

	}

	record CreatedOrganisationInviteView(String path, OrganisationInviteView invite) {
	}

	record AuditEntryView(String id, String at, AdminAction action, Person actor, Person subject, String detail) {
	}

	record AuditLogPageView(List<AuditEntryView> entries, int offset, boolean hasMore) {
	}

	private static String iso(Instant instant) {
		return instant == null ? null : instant.toString();
	}

}
