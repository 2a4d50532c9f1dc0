/**
 * The debug admin: the registered datasets, their rows, a chart per parent and the top parents, served under
 * {@code trackable.admin.path} to loopback clients or to users with {@code trackable.admin.role}.
 */
@NullMarked
package dev.trackable.admin;

import org.jspecify.annotations.NullMarked;
