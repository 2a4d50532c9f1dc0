package dev.trackable.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a load tool: its own integer options, {@code --name=value}, and everything else, which goes to
 * the application it starts.
 */
final class Options {

	private final Map<String, Integer> values;

	private final List<String> application = new ArrayList<>();

	/**
	 * Reads a command line.
	 * @param args the arguments
	 * @param defaults the tool's options and their values when not given
	 */
	Options(String[] args, Map<String, Integer> defaults) {
		this.values = new HashMap<>(defaults);
		for (String arg : args) {
			String name = (arg.startsWith("--") && arg.contains("=")) ? arg.substring(2, arg.indexOf('=')) : "";
			if (this.values.containsKey(name)) {
				this.values.put(name, Integer.parseInt(arg.substring(arg.indexOf('=') + 1)));
			}
			else {
				this.application.add(arg);
			}
		}
	}

	int get(String name) {
		return this.values.get(name);
	}

	/** @return the arguments that are not the tool's */
	String[] application() {
		return this.application.toArray(String[]::new);
	}

}
