package nl.knooppunt.gateway.security;

import nl.knooppunt.api.GebruikerApi;
import nl.knooppunt.api.model.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is: name, roles, groups and where they sign in from. */
@RestController
class CurrentUserController implements GebruikerApi {

  @Override
  public ResponseEntity<CurrentUser> getCurrentUser() {
    KnooppuntUser u = CurrentUsers.current();
    CurrentUser out =
        new CurrentUser(u.username(), u.roles().stream().map(Enum::name).toList())
            .displayName(u.displayName())
            .candidateGroups(u.candidateGroups())
            .vrCode(u.vrCode())
            .policeUnit(u.policeUnit())
            .municipalityCode(u.municipalityCode())
            .authentication(CurrentUser.AuthenticationEnum.fromValue(u.source().name()));
    return ResponseEntity.ok(out);
  }
}
