package nl.knooppunt.productioncheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostsTest {

  @Test
  void hostsAreReadFromEveryAddressForm() {
    assertThat(Hosts.of("http://localhost:26500")).containsExactly("localhost");
    assertThat(Hosts.of("grpcs://zeebe.example:443")).containsExactly("zeebe.example");
    assertThat(Hosts.of("kafka-0:9092")).containsExactly("kafka-0");
    assertThat(Hosts.of("[::1]:9092")).containsExactly("[::1]");
    assertThat(Hosts.of("kafka-0:9093, 127.0.0.1:9092")).containsExactly("kafka-0", "127.0.0.1");
    assertThat(Hosts.of("https://user@sso.example/realms/k?x=1")).containsExactly("sso.example");
  }

  @Test
  void jdbcUrlsWithOneOrSeveralHosts() {
    assertThat(Hosts.of("jdbc:postgresql://localhost:5432/knooppunt")).containsExactly("localhost");
    assertThat(Hosts.of("jdbc:postgresql://pg-a:5432,pg-b:5432/knooppunt?sslmode=verify-full"))
        .containsExactly("pg-a", "pg-b");
    assertThat(Hosts.anyLoopback("jdbc:postgresql://pg-a:5432,127.0.0.1:5432/k")).isTrue();
  }

  @Test
  void loopbackIsThisMachine() {
    assertThat(Hosts.isLoopback("127.0.1.1")).isTrue();
    assertThat(Hosts.isLoopback("localhost")).isTrue();
    assertThat(Hosts.isLoopback("::1")).isTrue();
    assertThat(Hosts.isLoopback("0.0.0.0")).isTrue();
    assertThat(Hosts.isLoopback("kafka")).isFalse();
    assertThat(Hosts.isLoopback("localhost.example.nl")).isFalse();
  }
}
