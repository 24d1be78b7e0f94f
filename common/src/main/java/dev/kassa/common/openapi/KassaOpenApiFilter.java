package dev.kassa.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.jboss.jandex.IndexView;

import java.util.List;
import java.util.Map;

/**
 * Makes the published document say what the code does. The scanner documents every operation as
 * 200; an operation whose method answers otherwise ({@code @ResponseStatus(201)}) gets its success
 * response under that status, schema and all. The two ways to authenticate are declared (a bearer
 * JWT: user, terminal or service token; a terminal's {@code X-API-KEY}), and every operation that
 * needs a caller requires one of them. Runs when the document is built, reading the annotations
 * from the index.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class KassaOpenApiFilter implements OASFilter {
    public static final String BEARER = "bearerAuth";
    public static final String API_KEY = "apiKeyAuth";

    private final Map<String, OperationsFromCode.Operation> operations;

    public KassaOpenApiFilter(IndexView index) {
        this.operations = OperationsFromCode.read(index);
    }

    public KassaOpenApiFilter() {
        this(null);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").bearerFormat("JWT")
                        .description("A user token (POST /api/v1/accounts/token), a terminal token (X-New-Token) "
                                + "or a service token; RS256"))
                .addSecurityScheme(API_KEY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER).name("X-API-KEY")
                        .description("A terminal's API key, with terminal_id in the query"));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<SecurityRequirement> eitherWay = List.of(
                OASFactory.createSecurityRequirement().addScheme(BEARER),
                OASFactory.createSecurityRequirement().addScheme(API_KEY));
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            path.getValue().getOperations().forEach((method, operation) -> {
                OperationsFromCode.Operation code = operations.get(method.name() + " " + path.getKey());
                if (code == null) {
                    return;
                }
                if (code.successStatus() != 200) {
                    moveSuccess(operation.getResponses(), code.successStatus());
                }
                if (code.authenticated()) {
                    operation.setSecurity(eitherWay);
                }
            });
        }
    }

    /** The scanner's 200 response, schema included, under the status the method really answers. */
    private static void moveSuccess(APIResponses responses, int status) {
        if (responses == null) {
            return;
        }
        String code = String.valueOf(status);
        APIResponse ok = responses.getAPIResponse("200");
        if (ok == null || responses.hasAPIResponse(code)) {
            return;
        }
        responses.removeAPIResponse("200");
        if (status == 201) {
            ok.setDescription("Created");
        }
        responses.addAPIResponse(code, ok);
    }
}
