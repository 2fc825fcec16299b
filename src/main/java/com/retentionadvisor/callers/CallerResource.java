package com.retentionadvisor.callers;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.retentionadvisor.problems.InvalidInputException;
import com.retentionadvisor.problems.Parameters;
import com.retentionadvisor.problems.UnknownRecordException;

@Path("/api/callers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Callers", description = "For admins: API keys for machines, people who sign in to the web page, and their roles")
public class CallerResource {

    @Inject
    Callers callers;

    @Inject
    CallerScope scope;

    /** A key to issue: its name (one active key per name), role, and for a manager the manager it sees. */
    public record KeyRequest(String name, String role, String managerExternalId) {
    }

    /** A person to create; without a password the advisor chooses one and answers it once. */
    public record UserRequest(String username, String password, String role, String managerExternalId) {
    }

    @POST
    @Path("keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an API key for a role (crm, analyst, manager with managerExternalId, admin); the key is in this answer only, the advisor keeps its hash")
    @APIResponse(responseCode = "201", description = "The key, in this answer only; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Callers.IssuedKey.class)))
    public Response issueKey(KeyRequest request) {
        KeyRequest body = required(request);
        Callers.IssuedKey issued = callers.issueKey(body.name(), body.role(), body.managerExternalId(), scope.callerName());
        return Response.created(URI.create("/api/callers/keys/" + issued.id())).entity(issued).build();
    }

    @GET
    @Path("keys")
    @Operation(summary = "Every API key, revoked ones too, newest first: name, role, first characters, when issued, by whom, last used (never the key)")
    public List<KeyView> keys() {
        return callers.keys();
    }

    @DELETE
    @Path("keys/{id}")
    @Operation(summary = "Revoke an API key: the next request with it answers 401")
    public KeyView revokeKey(@PathParam("id") String id) {
        Integer number = Parameters.integer("id", id, 1, Integer.MAX_VALUE);
        return callers.revokeKey(number == null ? 0 : number).orElseThrow(() -> new UnknownRecordException("id", "API key", id));
    }

    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a person who signs in at /login (username, role, managerExternalId for a manager, password of 12 characters or more; without one the advisor chooses one and answers it once)")
    @APIResponse(responseCode = "201", description = "The person, with the password chosen when none was sent (in this answer only); Location names them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Callers.CreatedUser.class)))
    public Response createUser(UserRequest request) {
        UserRequest body = required(request);
        Callers.CreatedUser created = callers.createUser(body.username(), body.password(), body.role(), body.managerExternalId(),
                scope.callerName());
        return Response.created(URI.create("/api/callers/users/" + created.username())).entity(created).build();
    }

    @GET
    @Path("users")
    @Operation(summary = "Every person, disabled ones too: username, role, manager (never the password)")
    public List<UserView> users() {
        return callers.users();
    }

    @DELETE
    @Path("users/{username}")
    @Operation(summary = "Disable a person: they cannot sign in, and their session ends with their next request")
    public UserView disableUser(@PathParam("username") String username) {
        return callers.disableUser(username).orElseThrow(() -> new UnknownRecordException("username", "person", username));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw InvalidInputException.of(null, "the body must be a JSON object");
        }
        return body;
    }
}
