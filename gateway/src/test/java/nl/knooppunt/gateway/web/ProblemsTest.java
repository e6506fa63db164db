package nl.knooppunt.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import nl.knooppunt.gateway.engine.EngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ProblemsTest {

  @Test
  void anEngineFailureIsTheSameProblemAsWhenTheAdapterThrewItItself() {
    Problems.ApiException unknown =
        Problems.of(new EngineException.UnknownToEngine("Taak 7 afronden: onbekend"));
    assertThat(unknown).isInstanceOf(Problems.NotFound.class);
    assertThat(unknown.status()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.slug()).isEqualTo("onbekend");
    assertThat(unknown.getMessage()).isEqualTo("Taak 7 afronden: onbekend");

    Problems.ApiException rejected =
        Problems.of(new EngineException.Rejected("Taak 7 claimen: al geclaimd"));
    assertThat(rejected).isInstanceOf(Problems.Conflict.class);
    assertThat(rejected.status()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(rejected.title()).isEqualTo("Past niet bij de huidige toestand");

    Problems.ApiException unavailable =
        Problems.of(new EngineException.Unavailable("Er is geen procesengine gekoppeld."));
    assertThat(unavailable).isInstanceOf(Problems.Unavailable.class);
    assertThat(unavailable.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(unavailable.slug()).isEqualTo("niet-beschikbaar");
  }
}
