package dev.flagstream.benchmarks.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalsTest {
  @Test
  void aVersionSkipped_arrivedWithTheNextOneSeen() {
    Arrivals arrivals = new Arrivals("c", false);
    arrivals.saw("f", 1, 100);
    arrivals.saw("f", 3, 300);
    arrivals.saw("f", 3, 400);

    assertThat(arrivals.at("f", 1)).isEqualTo(100);
    assertThat(arrivals.at("f", 2)).isEqualTo(300);
    assertThat(arrivals.at("f", 3)).isEqualTo(300);
    assertThat(arrivals.at("f", 4)).isEqualTo(-1);
    assertThat(arrivals.at("g", 1)).isEqualTo(-1);
  }

  @Test
  void latencies_countFromTheAdminsAnswer_andMarkWhatNeverArrived() {
    Arrivals arrivals = new Arrivals("c", false);
    arrivals.saw("f", 11, 250);

    assertThat(
            arrivals.latencies(
                List.of(new Change("f", 11, 1, true, 200), new Change("f", 14, 2, false, 260))))
        .containsExactly(50L, -1L);
  }

  @Test
  void aConsumerThatCountsChanges_isMatchedByOrdinal_notVersion() {
    Arrivals arrivals = new Arrivals("c", true);
    arrivals.saw("f", 1, 250);

    assertThat(arrivals.at(new Change("f", 11, 1, true, 200))).isEqualTo(250);
    assertThat(arrivals.at(new Change("f", 14, 2, false, 260))).isEqualTo(-1);
  }

  @Test
  void await_returnsOnTheArrival_andGivesUpAtTheDeadline() throws Exception {
    Arrivals arrivals = new Arrivals("c", false);
    Change change = new Change("f", 2, 1, true, 0);
    Thread later = new Thread(() -> arrivals.saw("f", 2, 5));
    later.start();

    arrivals.await(change, System.nanoTime() + 10_000_000_000L);
    later.join();

    assertThat(arrivals.at(change)).isEqualTo(5);
    arrivals.await(new Change("f", 3, 2, true, 0), System.nanoTime() + 1_000_000);
    assertThat(arrivals.at(new Change("f", 3, 2, true, 0))).isEqualTo(-1);
  }
}
