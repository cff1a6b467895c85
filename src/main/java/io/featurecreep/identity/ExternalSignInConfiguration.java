package io.featurecreep.identity;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * OIDC sign-in and JWT bearer tokens, from Boot's standard properties, decided when the beans are made instead of by
 * Boot's conditions. Spring AOT decides conditions when the jar is built, where none of these is set: an operator's
 * {@code SPRING_SECURITY_OAUTH2_*} variables would be ignored without a word. These beans always exist (so Boot's own
 * ones back off in every mode) and follow what is set when the node starts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class ExternalSignInConfiguration {

	/** Possibly empty; {@link SecurityConfiguration} turns OIDC sign-in on only when it is not. */
	@Bean
	ClientRegistrations clientRegistrationRepository(OAuth2ClientProperties properties) {
		return new ClientRegistrations(new OAuth2ClientPropertiesMapper(properties).asClientRegistrations());
	}

	/**
	 * As Boot's resource-server auto-configuration chooses: a JWK set URI first, else a public key (when no issuer is
	 * set), else the issuer's discovery document (fetched on first use). Null, so no bean, when none is set: bearer
	 * JWTs are then refused.
	 */
	@Bean
	JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties) throws Exception {
		OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
		String issuer = jwt.getIssuerUri();
		if (StringUtils.hasText(jwt.getJwkSetUri())) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri())
				.jwsAlgorithms(algorithms -> jwt.getJwsAlgorithms().forEach(name -> algorithms.add(SignatureAlgorithm.from(name))))
				.build();
			decoder.setJwtValidator(validator(jwt));
			return decoder;
		}
		if (jwt.getPublicKeyLocation() != null && !StringUtils.hasText(issuer)) {
			if (jwt.getJwsAlgorithms().size() != 1) {
				throw new IllegalStateException("A public key needs exactly one JWS algorithm, not " + jwt.getJwsAlgorithms());
			}
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(jwt.readPublicKey()))
				.signatureAlgorithm(SignatureAlgorithm.from(jwt.getJwsAlgorithms().get(0)))
				.build();
			decoder.setJwtValidator(validator(jwt));
			return decoder;
		}
		if (StringUtils.hasText(issuer)) {
			return new SupplierJwtDecoder(() -> {
				NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer);
				decoder.setJwtValidator(validator(jwt));
				return decoder;
			});
		}
		return null;
	}

	private static OAuth2TokenValidator<Jwt> validator(OAuth2ResourceServerProperties.Jwt jwt) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(StringUtils.hasText(jwt.getIssuerUri()) ? JwtValidators.createDefaultWithIssuer(jwt.getIssuerUri())
				: JwtValidators.createDefault());
		List<String> audiences = jwt.getAudiences();
		if (!audiences.isEmpty()) {
			validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
					aud -> aud != null && !Collections.disjoint(aud, audiences)));
		}
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	private static RSAPublicKey publicKey(String pem) throws Exception {
		String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		byte[] der = Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
		return (RSAPublicKey) KeyFactory.getInstance("RSA")
			.generatePublic(new X509EncodedKeySpec(der));
	}

}
