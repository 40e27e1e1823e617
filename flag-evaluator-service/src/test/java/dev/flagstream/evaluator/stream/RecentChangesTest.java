package dev.flagstream.evaluator.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RecentChangesTest {

  @Test
  void since_listsTheFlagsChangedAfterARevision() {
    RecentChanges recent = new RecentChanges(10);
    recent.add(5, "a");
    recent.add(6, "b");
    recent.add(7, "a");
    assertThat(recent.since(5, 7)).contains(Set.of("b", "a"));
    assertThat(recent.since(7, 7)).contains(Set.of());
  }

  @Test
  void since_asksForEverything_whenChangesMayHaveBeenForgotten_orTheRevisionIsUnknown() {
    RecentChanges recent = new RecentChanges(2);
    recent.add(5, "a");
    recent.add(6, "b");
    recent.add(7, "c");
    assertThat(recent.since(4, 7)).isEmpty();
    assertThat(recent.since(6, 7)).contains(Set.of("c"));
    assertThat(recent.since(9, 7)).as("a revision from another evaluator's future").isEmpty();
  }

  @Test
  void since_answersExactly_fromTheLastChangeItDropped() {
    RecentChanges recent = new RecentChanges(2);
    recent.add(5, "a");
    recent.add(6, "b");
    recent.add(7, "c");
    assertThat(recent.since(5, 7)).contains(Set.of("b", "c"));
  }

  @Test
  void since_asksForEverything_fromBeforeItBeganListening() {
    RecentChanges recent = new RecentChanges(10);
    recent.unknownUpTo(7);
    recent.add(8, "a");
    assertThat(recent.since(6, 8)).as("a change at 7 may have been missed").isEmpty();
    assertThat(recent.since(7, 8)).contains(Set.of("a"));
    recent.unknownUpTo(3);
    assertThat(recent.since(6, 8)).as("never back").isEmpty();
  }

  @Test
  void anUnplacedChange_isAlwaysSince_andOnceDropped_asksEveryEarlierReconnectForEverything() {
    RecentChanges recent = new RecentChanges(2);
    recent.addUnplaced("a", 5);
    recent.add(6, "b");
    assertThat(recent.since(6, 6)).contains(Set.of("a"));
    assertThat(recent.since(5, 6)).contains(Set.of("a", "b"));
    recent.add(7, "c");
    assertThat(recent.since(6, 7)).as("'a' may have been missed before 7").isEmpty();
    assertThat(recent.since(7, 7)).contains(Set.of());
  }
}
