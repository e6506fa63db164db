package nl.knooppunt.gateway.logbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/**
 * The gateway connects as the application user, not as the owner Flyway ran as (issue 20 §6, V15):
 * PostgreSQL itself refuses that user to alter the logbook's table, drop its trigger, or change or
 * remove its rows, while the gateway reads and appends as usual.
 */
class ApplicationUserIT extends GatewayITBase {

  /** PostgreSQL refuses the statement to the gateway's user, saying why. */
  private void refused(String sql, String reason) {
    assertThatThrownBy(() -> jdbc.execute(sql))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining(reason);
  }

  @Test
  void theGatewayIsTheApplicationUserAndTheTablesBelongToTheOwner() {
    assertThat(jdbc.queryForObject("select current_user", String.class))
        .isEqualTo(TestDatabases.APP_USER);
    assertThat(
            jdbc.queryForObject(
                "select tableowner from pg_tables where tablename = 'logbook'", String.class))
        .isEqualTo(TestDatabases.OWNER);
    assertThat(
            jdbc.queryForObject(
                "select rolsuper from pg_roles where rolname = current_user", Boolean.class))
        .isFalse();
  }

  @Test
  void theApplicationUserCannotAlterTheLogbookNorDropItsTrigger() {
    refused("alter table logbook disable trigger logbook_no_update", "must be owner of");
    refused("drop trigger logbook_no_update on logbook", "must be owner of");
    refused("alter table logbook add column ander text", "must be owner of");
    refused("drop table logbook", "must be owner of");
    refused("drop function logbook_is_append_only() cascade", "must be owner of function");
  }

  @Test
  void theApplicationUserCannotChangeOrRemoveLogbookRowsEvenWithoutTheTrigger() {
    fixtures.crisis("dreigingsniveau-5");
    assertThat(jdbc.queryForObject("select count(*) from logbook", Integer.class)).isPositive();
    // the privilege is refused before the trigger is asked
    refused("update logbook set actor = 'ik'", "permission denied for table logbook");
    refused("delete from logbook", "permission denied for table logbook");
    refused("truncate logbook", "permission denied for table logbook");
    refused(
        "delete from flyway_schema_history", "permission denied for table flyway_schema_history");
  }
}
