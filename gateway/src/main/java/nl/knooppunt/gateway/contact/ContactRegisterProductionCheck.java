package nl.knooppunt.gateway.contact;

import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In profile production the gateway refuses to start while the contact register holds a demo person
 * (docs/adr/0035): a fictional chain reaches nobody. The setting that allows demo contacts is
 * refused before that, with the other settings ({@code GatewayProductionSettings}).
 */
@Component
@Profile("production")
class ContactRegisterProductionCheck implements ApplicationRunner {

  private final ContactRegister register;

  ContactRegisterProductionCheck(ContactRegister register) {
    this.register = register;
  }

  @Override
  public void run(ApplicationArguments args) {
    problem(register.demoPeople())
        .ifPresent(
            p -> {
              throw new IllegalStateException(p);
            });
  }

  /** The reason to refuse, when the register holds demo people. */
  static Optional<String> problem(long demoPeople) {
    return demoPeople == 0
        ? Optional.empty()
        : Optional.of(
            "The gateway will not start in profile 'production': the contact register holds "
                + demoPeople
                + " demo person(s), who reach nobody. Replace them on /contacten (or by CSV"
                + " import) in a non-production run, or remove them.");
  }
}
