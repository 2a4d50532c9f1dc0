package dev.trackable.command;

import java.util.List;
import java.util.stream.Collectors;

import dev.trackable.Dataset;
import dev.trackable.TrackableRegistry;

/**
 * Finds a registered dataset by the name an operator gives: its entity name, which queues and messages use, or its
 * class's simple or fully qualified name, which is what the operator sees in the code.
 */
final class DatasetNames {

	private final TrackableRegistry registry;

	DatasetNames(TrackableRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Finds a dataset.
	 * @param name an entity name or a simple or fully qualified class name
	 * @return the dataset
	 * @throws CommandUsageException if no dataset, or more than one, has that name; the message lists the datasets
	 */
	Dataset find(String name) {
		Dataset byEntityName = this.registry.dataset(name);
		if (byEntityName != null) {
			return byEntityName;
		}
		List<Dataset> byClassName = this.registry.datasets()
			.stream()
			.filter((dataset) -> dataset.dataClass().getName().equals(name)
					|| dataset.dataClass().getSimpleName().equals(name))
			.toList();
		if (byClassName.size() == 1) {
			return byClassName.get(0);
		}
		throw new CommandUsageException(((byClassName.isEmpty()) ? "Unknown dataset '" : "Ambiguous dataset '") + name
				+ "'; registered datasets: " + registered());
	}

	private String registered() {
		if (this.registry.datasets().isEmpty()) {
			return "none";
		}
		return this.registry.datasets()
			.stream()
			.map((dataset) -> dataset.name() + " (" + dataset.dataClass().getName() + ")")
			.collect(Collectors.joining(", "));
	}

}
