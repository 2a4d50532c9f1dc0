package dev.trackable.filter;

/**
 * A set of case-folded characters: the 128 ASCII ones exactly, any other character only as "some may be in it".
 * Enough to rule out quickly a pattern whose first, last or every character cannot be the user agent's.
 *
 * @param low ASCII 0-63
 * @param high ASCII 64-127
 * @param other whether the set may hold characters beyond ASCII
 */
record CharSet(long low, long high, boolean other) {

	static final CharSet NONE = new CharSet(0, 0, false);

	static final CharSet ALL = new CharSet(-1, -1, true);

	static CharSet of(char c) {
		char folded = SpiderMatcher.fold(c);
		if (folded >= 128) {
			return new CharSet(0, 0, true);
		}
		return (folded < 64) ? new CharSet(1L << folded, 0, false) : new CharSet(0, 1L << (folded - 64), false);
	}

	static CharSet range(char from, char to) {
		CharSet set = (to >= 128) ? new CharSet(0, 0, true) : NONE;
		for (int c = from; c <= Math.min(to, 127); c++) {
			set = set.union(of((char) c));
		}
		return set;
	}

	/** RE2's \d, \w and \s (ASCII only), or their complements for upper-case letters. */
	static CharSet perl(char letter) {
		CharSet set = switch (Character.toLowerCase(letter)) {
			case 'd' -> range('0', '9');
			case 'w' -> range('0', '9').union(range('a', 'z')).union(of('_'));
			case 's' -> of('\t').union(of('\n')).union(of('\f')).union(of('\r')).union(of(' '));
			default -> throw new IllegalArgumentException("\\" + letter);
		};
		return Character.isUpperCase(letter) ? set.complement() : set;
	}

	CharSet union(CharSet other) {
		return new CharSet(this.low | other.low, this.high | other.high, this.other || other.other);
	}

	/** The complement within ASCII; beyond it, anything may then be in the set. */
	CharSet complement() {
		return new CharSet(~this.low, ~this.high, true);
	}

	boolean contains(char folded) {
		if (folded >= 128) {
			return this.other;
		}
		return (folded < 64) ? (this.low & (1L << folded)) != 0 : (this.high & (1L << (folded - 64))) != 0;
	}

	boolean containsAll(CharSet set) {
		return (set.low & ~this.low) == 0 && (set.high & ~this.high) == 0 && (!set.other || this.other);
	}

}
