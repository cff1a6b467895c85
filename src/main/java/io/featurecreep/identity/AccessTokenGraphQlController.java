package io.featurecreep.identity;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.shared.DomainException;

/** The caller's personal access tokens over GraphQL. Timestamps are ISO-8601 instants. */
@Controller
class AccessTokenGraphQlController {

	private final AccessTokens tokens;

	AccessTokenGraphQlController(AccessTokens tokens) {
		this.tokens = tokens;
	}

	@QueryMapping
	List<AccessTokenView> accessTokens(Principal principal) {
		return tokens.list(Callers.id(principal)).stream().map(AccessTokenView::of).toList();
	}

	/**
	 * Only a signed-in person may mint a token, not another token: otherwise one leaked token could keep
	 * itself alive forever by minting successors.
	 */
	@MutationMapping
	CreatedAccessTokenView createAccessToken(@Argument CreateAccessTokenInput input, Principal principal) {
		String callerId = Callers.id(principal);
		if (principal instanceof AccessTokenAuthentication) {
			throw DomainException.forbidden("Access tokens cannot create access tokens; sign in to create one");
		}
		AccessTokens.Created created = tokens.create(callerId, input.name(), input.validForDays());
		return new CreatedAccessTokenView(created.secret(), AccessTokenView.of(created.token()));
	}

	@MutationMapping
	AccessTokenView revokeAccessToken(@Argument String id, Principal principal) {
		return AccessTokenView.of(tokens.revoke(Callers.id(principal), id));
	}

	record CreateAccessTokenInput(String name, Integer validForDays) {
	}

	record AccessTokenView(String id, String name, String createdAt, String expiresAt, String lastUsedAt,
			boolean revoked) {

		static AccessTokenView of(AccessToken token) {
			return new AccessTokenView(token.id(), token.name(), iso(token.createdAt()), iso(token.expiresAt()),
					iso(token.lastUsedAt()), token.revoked());
		}

		private static String iso(Instant instant) {
			return instant == null ? null : instant.toString();
		}

	}

	record CreatedAccessTokenView(String secret, AccessTokenView token) {
	}

}
