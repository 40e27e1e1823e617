package dev.flagstream.admin.flag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.flag.ImportPlan.Change;
import dev.flagstream.admin.flag.ImportPlan.Kind;
import dev.flagstream.contracts.flag.Flag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImportPlanTest {
  private static final Flag STORED =
      Flag.builder("checkout")
          .description("New checkout")
          .enabled(true)
          .rolloutPercentage(30)
          .metadata(Map.of("team", "payments"))
          .version(7)
          .build();

  @Test
  void of_newName_isCreatedWithEveryField() {
    Flag incoming = Flag.builder("search").build();

    ImportPlan plan = ImportPlan.of(List.of(STORED), List.of(incoming));

    assertThat(plan.changes())
        .containsExactly(
            new Change(
                Kind.CREATE,
                "search",
                null,
                incoming,
                List.of(
                    "description", "enabled", "rolloutPercentage", "userAllowlist", "metadata")));
    assertThat(plan.count(Kind.CREATE)).isEqualTo(1);
    assertThat(plan.names(Kind.CREATE)).containsExactly("search");
  }

  @Test
  void of_sameContent_isUnchangedWhateverTheVersion() {
    Flag incoming = STORED.toBuilder().version(1).build();

    ImportPlan plan = ImportPlan.of(List.of(STORED), List.of(incoming));

    assertThat(plan.changes())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.kind()).isEqualTo(Kind.UNCHANGED);
              assertThat(change.fields()).isEmpty();
              assertThat(change.after().version()).isEqualTo(7);
            });
    assertThat(plan.count(Kind.UPDATE)).isZero();
  }

  @Test
  void of_eachChangedField_isNamedAndTheRestKept() {
    UUID user = UUID.randomUUID();
    List<Flag> changed =
        List.of(
            STORED.toBuilder().description("Other").build(),
            STORED.toBuilder().enabled(false).build(),
            STORED.toBuilder().rolloutPercentage(31).build(),
            STORED.toBuilder().userAllowlist(List.of(user)).build(),
            STORED.toBuilder().metadata(Map.of("team", "growth")).build());
    List<String> fields =
        List.of("description", "enabled", "rolloutPercentage", "userAllowlist", "metadata");

    for (int i = 0; i < changed.size(); i++) {
      Change change = ImportPlan.of(List.of(STORED), List.of(changed.get(i))).changes().get(0);
      assertThat(change.kind()).isEqualTo(Kind.UPDATE);
      assertThat(change.fields()).containsExactly(fields.get(i));
      assertThat(change.before()).isEqualTo(STORED);
      assertThat(change.after().version()).isEqualTo(STORED.version());
    }
  }

  @Test
  void of_manyFlags_keepsTheImportsOrder() {
    ImportPlan plan =
        ImportPlan.of(
            List.of(STORED),
            List.of(Flag.builder("b").build(), STORED, STORED.toBuilder().enabled(false).build()));

    assertThat(plan.changes())
        .extracting(Change::kind)
        .containsExactly(Kind.CREATE, Kind.UNCHANGED, Kind.UPDATE);
    assertThat(plan.names(Kind.UNCHANGED)).containsExactly("checkout");
  }
}
