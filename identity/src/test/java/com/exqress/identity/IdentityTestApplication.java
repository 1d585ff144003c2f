package com.exqress.identity;

import com.exqress.platform.ExqressPlatform;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The identity service with the shared platform, as the standalone process runs it. */
@SpringBootApplication
@Import({ExqressPlatform.class, EmbeddedIdentity.class})
class IdentityTestApplication {
}
