/**
 * Articles and the pages that show them; showing an article or following its "read more" link is counted.
 */
@NullMarked
package dev.trackable.sample.article;

import org.jspecify.annotations.NullMarked;
