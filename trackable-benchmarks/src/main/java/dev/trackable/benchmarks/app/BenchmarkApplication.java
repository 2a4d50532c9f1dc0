package dev.trackable.benchmarks.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A non-web application with trackable's starter and the datasets of {@link Article}; {@link BenchmarkRun} starts it.
 */
@SpringBootApplication
public class BenchmarkApplication {

}
