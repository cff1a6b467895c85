package io.featurecreep.shared;

import java.util.Properties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * The SMTP mail sender, made from Boot's {@code spring.mail.*} settings as Boot's own auto-configuration makes it,
 * but decided when the bean is made rather than by a condition: Spring AOT fixes conditions when the jar is built,
 * and an operator's {@code SPRING_MAIL_HOST} would then be ignored. Without a host the method returns null, so there
 * is no {@link JavaMailSender} bean and the callers ({@code ObjectProvider#getIfAvailable}) treat e-mail as not
 * configured, as they always did.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

	@Bean
	JavaMailSender mailSender(MailProperties properties, ObjectProvider<SslBundles> sslBundles) {
		if (!StringUtils.hasText(properties.getHost())) {
			return null;
		}
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(properties.getHost());
		if (properties.getPort() != null) {
			sender.setPort(properties.getPort());
		}
		sender.setUsername(properties.getUsername());
		sender.setPassword(properties.getPassword());
		sender.setProtocol(properties.getProtocol());
		if (properties.getDefaultEncoding() != null) {
			sender.setDefaultEncoding(properties.getDefaultEncoding().name());
		}
		Properties javaMail = new Properties();
		javaMail.putAll(properties.getProperties());
		String protocol = StringUtils.hasLength(properties.getProtocol()) ? properties.getProtocol() : "smtp";
		MailProperties.Ssl ssl = properties.getSsl();
		boolean tls = ssl.isEnabled() || StringUtils.hasLength(ssl.getBundle());
		if (tls && ssl.isVerifyHostname()) {
			javaMail.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
		}
		if (ssl.isEnabled()) {
			javaMail.setProperty("mail." + protocol + ".ssl.enable", "true");
		}
		if (StringUtils.hasLength(ssl.getBundle())) {
			SslBundles bundles = sslBundles.getIfAvailable();
			if (bundles == null) {
				throw new IllegalStateException("spring.mail.ssl.bundle is set, but there are no SSL bundles");
			}
			javaMail.put("mail." + protocol + ".ssl.socketFactory",
					bundles.getBundle(ssl.getBundle()).createSslContext().getSocketFactory());
		}
		if (!javaMail.isEmpty()) {
			sender.setJavaMailProperties(javaMail);
		}
		return sender;
	}

}
