package com.exqress.platform.apidoc;

import com.exqress.platform.web.Problem;
import com.exqress.platform.web.ProblemCode;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.Role;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * The OpenAPI document of whichever controllers a service runs (springdoc, at {@code /v3/api-docs} where
 * {@code springdoc.api-docs.enabled} is true). Each operation gets the roles that may call it ({@code x-roles},
 * none for an operation that needs no token) and the problem codes it answers ({@code x-problem-codes}, and a
 * response per status whose description names them), from {@link Access} and {@link Problems}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", havingValue = "true")
public class ApiDocumentation {

    private static final String ROLES = "x-roles";
    private static final String PROBLEM_CODES = "x-problem-codes";
    private static final String BEARER = "bearer";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/" + Problem.class.getSimpleName();
    /** Answers any operation may give, listed once in the document's description instead of on every operation. */
    private static final Set<ProblemCode> ANY_OPERATION = EnumSet.of(ProblemCode.NOT_FOUND, ProblemCode.METHOD_NOT_ALLOWED,
            ProblemCode.NOT_ACCEPTABLE, ProblemCode.UNSUPPORTED_MEDIA_TYPE, ProblemCode.BAD_REQUEST,
            ProblemCode.INTERNAL_ERROR, ProblemCode.SERVICE_UNAVAILABLE, ProblemCode.OVERLOADED);
    private static final Set<ProblemCode> CALLER = EnumSet.of(ProblemCode.UNAUTHENTICATED, ProblemCode.FORBIDDEN);
    private static final Set<ProblemCode> JSON_BODY = EnumSet.of(ProblemCode.MALFORMED_JSON, ProblemCode.UNKNOWN_FIELD,
            ProblemCode.BODY_TOO_LARGE, ProblemCode.VALIDATION_FAILED);

    private static final Collector<CharSequence, ?, String> BULLETS = Collectors.joining("\n- ", "- ", "");

    static {
        // The acting user comes from the access token (ActorArgumentResolver), not from the request's parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    public OpenAPI exqressOpenApi() {
        Components components = new Components()
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("an access token from POST /auth/login (embedded default) "
                                + "or from the OIDC provider"));
        ModelConverters.getInstance().read(Problem.class).forEach(components::addSchemas);
        return new OpenAPI()
                .info(new Info().title("Exqress API").version(version()).description(description()))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    public OperationCustomizer accessAndProblems() {
        return ApiDocumentation::document;
    }

    private static Operation document(Operation operation, HandlerMethod handler) {
        Access access = handler.getMethodAnnotation(Access.class);
        if (access != null) {
            if (access.anonymous()) {
                operation.setSecurity(List.of());
            }
            operation.addExtension(ROLES, Arrays.stream(access.value()).map(Role::name).toList());
            operation.setDescription(joined(operation.getDescription(), who(access)));
        }
        Set<ProblemCode> codes = problemsOf(handler);
        operation.addExtension(PROBLEM_CODES, codes.stream().map(ProblemCode::name).toList());
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        Map<Integer, List<ProblemCode>> byStatus = codes.stream()
                .collect(Collectors.groupingBy(code -> code.status().value(), TreeMap::new, Collectors.toList()));
        byStatus.forEach((status, ofStatus) -> operation.getResponses().addApiResponse(status.toString(), new ApiResponse()
                .description(HttpStatus.valueOf(status).getReasonPhrase() + "\n\n"
                        + ofStatus.stream().map(ApiDocumentation::item).collect(BULLETS))
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA))))));
        return operation;
    }

    private static Set<ProblemCode> problemsOf(HandlerMethod handler) {
        Set<ProblemCode> codes = EnumSet.noneOf(ProblemCode.class);
        Problems problems = handler.getMethodAnnotation(Problems.class);
        if (problems != null) {
            codes.addAll(List.of(problems.value()));
        }
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.getParameterType() == Actor.class) {
                codes.addAll(CALLER);
            }
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                codes.addAll(JSON_BODY);
            }
        }
        return codes;
    }

    private static String who(Access access) {
        if (access.anonymous()) {
            return "**Access:** anyone; no access token needed.";
        }
        String roles = Arrays.stream(access.value()).map(Role::name).collect(Collectors.joining(", "));
        return "**Access:** " + roles + (access.rule().isEmpty() ? "." : ": " + access.rule() + ".");
    }

    private static String item(ProblemCode code) {
        return "`" + code.name() + "`: " + code.meaning();
    }

    private static String joined(String description, String more) {
        return description == null || description.isBlank() ? more : description + "\n\n" + more;
    }

    /** The build's version from the jar's manifest; none when run from class directories, as in the IDE. */
    private static String version() {
        return Objects.requireNonNullElse(ApiDocumentation.class.getPackage().getImplementationVersion(), "development");
    }

    private static String description() {
        return """
                Parcel waybills that print no personal data. Send an access token as `Authorization: Bearer …` \
                (on the embedded default, from `POST /auth/login`). Each operation names the roles that may call \
                it (`x-roles`) and the problem codes it answers (`x-problem-codes`).

                Errors are RFC 7807 `application/problem+json` bodies with a stable `code`. Besides those listed \
                on each operation, any operation may answer:

                """ + ANY_OPERATION.stream().map(code -> code.status().value() + " " + item(code)).collect(BULLETS);
    }
}
