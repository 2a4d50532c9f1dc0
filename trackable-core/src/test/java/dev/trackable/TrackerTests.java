package dev.trackable;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import dev.trackable.filter.RequestFilter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

class TrackerTests {

	/** 2026-03-29 01:30Z is 03:30 in Berlin, just after the switch to summer time. */
	private static final Instant NOW = Instant.parse("2026-03-29T01:30:00Z");

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final LocalDateTime DAY = LocalDateTime.of(2026, 3, 29, 0, 0);

	private static final LocalDateTime HOUR = LocalDateTime.of(2026, 3, 29, 3, 0);

	private final TrackableRegistry registry = new TrackableRegistry();

	private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

	private final IncrementSink sink = (dataset, parentId, period, counter, amount) -> this.calls
		.add(new Call(dataset.name(), parentId.toString(), period, counter.name(), amount));

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/articles/42");

	private final Article article = new Article(42L);

	private Dataset daily;

	private Tracker tracker;

	@BeforeEach
	void registerDatasets() {
		this.daily = this.registry.register(Article.class, ArticleDailyData.class);
		this.registry.register(Article.class, ArticleHourlyData.class, Period.HOUR);
		this.registry.register(Article.class, ArticleTotalData.class);
		this.registry.register(Page.class, PageData.class);
		this.registry.register(Tag.class, TagData.class);
		this.registry.register(Doc.class, DocData.class);
		this.registry.register(Event.class, EventData.class);
		this.tracker = tracker(BERLIN);
	}

	private Tracker tracker(ZoneId zone, RequestFilter... filters) {
		return new Tracker(this.registry, TrackerTests::readId, this.sink, Clock.fixed(NOW, ZoneOffset.UTC), zone,
				List.of(filters));
	}

	/** A parent identifier that reads an {@code id} field, as JPA would read the id attribute. */
	private static @Nullable Object readId(Object parent) {
		for (Class<?> type = parent.getClass(); type != Object.class; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField("id");
				field.setAccessible(true);
				return field.get(parent);
			}
			catch (NoSuchFieldException ex) {
				// look in the superclass
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("No id field in " + parent.getClass());
	}

	@Test
	void incrementWithRequestRoutesToEveryDatasetDeclaringTheField() {
		this.tracker.increment(this.request, this.article, "impressions");
		assertThat(this.calls).containsExactlyInAnyOrder(new Call("ArticleDailyData", "42", DAY, "impressions", 1),
				new Call("ArticleHourlyData", "42", HOUR, "impressions", 1),
				new Call("ArticleTotals", "42", null, "impressions", 1));
	}

	@Test
	void incrementWithoutRequestRoutesToEveryDatasetDeclaringTheField() {
		this.tracker.increment(this.article, "impressions");
		assertThat(this.calls).containsExactlyInAnyOrder(new Call("ArticleDailyData", "42", DAY, "impressions", 1),
				new Call("ArticleHourlyData", "42", HOUR, "impressions", 1),
				new Call("ArticleTotals", "42", null, "impressions", 1));
	}

	@Test
	void incrementByAnAmountWithAndWithoutRequest() {
		this.tracker.increment(this.request, this.article, "impressions", 5);
		this.tracker.increment(this.article, "impressions", 7);
		assertThat(this.calls).extracting(Call::dataset, Call::period, Call::amount)
			.containsExactlyInAnyOrder(tuple("ArticleDailyData", DAY, 5L), tuple("ArticleHourlyData", HOUR, 5L),
					tuple("ArticleTotals", null, 5L), tuple("ArticleDailyData", DAY, 7L),
					tuple("ArticleHourlyData", HOUR, 7L), tuple("ArticleTotals", null, 7L));
	}

	@Test
	void decrementSubtractsOneWithAndWithoutRequest() {
		this.tracker.decrement(this.request, this.article, "downloads");
		this.tracker.decrement(this.article, "downloads");
		assertThat(this.calls).containsExactly(new Call("ArticleTotals", "42", null, "downloads", -1),
				new Call("ArticleTotals", "42", null, "downloads", -1));
	}

	@Test
	void decrementByAnAmountSubtractsItWithAndWithoutRequest() {
		this.tracker.decrement(this.request, this.article, "clickThroughs", 4);
		this.tracker.decrement(this.article, "clickThroughs", 6);
		assertThat(this.calls).containsExactly(new Call("ArticleDailyData", "42", DAY, "clickThroughs", -4),
				new Call("ArticleDailyData", "42", DAY, "clickThroughs", -6));
	}

	@Test
	void aFieldDeclaredByOneDatasetGoesToThatDatasetOnly() {
		this.tracker.increment(this.request, this.article, "clickThroughs");
		this.tracker.increment(this.article, "downloads", 3);
		assertThat(this.calls).containsExactly(new Call("ArticleDailyData", "42", DAY, "clickThroughs", 1),
				new Call("ArticleTotals", "42", null, "downloads", 3));
	}

	@Test
	void sinkReceivesTheRegisteredDatasetAndItsCounter() {
		List<Object[]> received = new ArrayList<>();
		Tracker direct = new Tracker(this.registry, TrackerTests::readId,
				(dataset, parentId, period, counter, amount) -> received.add(new Object[] { dataset, counter }),
				Clock.fixed(NOW, ZoneOffset.UTC), BERLIN, List.of());
		direct.increment(this.article, "likes");
		assertThat(received).singleElement().satisfies((call) -> {
			assertThat(call[0]).isSameAs(this.daily);
			assertThat(call[1]).isEqualTo(this.daily.counter("likes"));
		});
	}

	@Test
	void theOverloadNamingADatasetRoutesToThatDatasetOnly() {
		this.tracker.increment(this.request, this.article, ArticleTotalData.class, "impressions", 2);
		this.tracker.increment(this.article, ArticleHourlyData.class, "impressions", 3);
		assertThat(this.calls).containsExactly(new Call("ArticleTotals", "42", null, "impressions", 2),
				new Call("ArticleHourlyData", "42", HOUR, "impressions", 3));
	}

	@Test
	void theOverloadNamingADatasetOfAnotherParentThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tracker.increment(this.article, PageData.class, "views", 1))
			.withMessageContaining(PageData.class.getName() + " is not a dataset of " + Article.class.getName())
			.withMessageContaining("ArticleDailyData");
		assertThat(this.calls).isEmpty();
	}

	@Test
	void theOverloadNamingADatasetChecksTheFieldInThatDataset() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tracker.increment(this.request, this.article, ArticleHourlyData.class, "clickThroughs", 1))
			.withMessageContaining("Unknown field 'clickThroughs' for dataset ArticleHourlyData");
		assertThat(this.calls).isEmpty();
	}

	@Test
	void periodIsTheStartOfTheDatasetsPeriodInTheConfiguredZone() {
		tracker(ZoneId.of("UTC")).increment(this.article, "impressions");
		tracker(ZoneId.of("America/New_York")).increment(this.article, "impressions");
		assertThat(this.calls).extracting(Call::dataset, Call::period)
			.containsExactlyInAnyOrder(tuple("ArticleDailyData", LocalDateTime.of(2026, 3, 29, 0, 0)),
					tuple("ArticleHourlyData", LocalDateTime.of(2026, 3, 29, 1, 0)), tuple("ArticleTotals", null),
					tuple("ArticleDailyData", LocalDateTime.of(2026, 3, 28, 0, 0)),
					tuple("ArticleHourlyData", LocalDateTime.of(2026, 3, 28, 21, 0)), tuple("ArticleTotals", null));
	}

	@Test
	void aProxySubclassOfTheParentIsCountedForTheParent() {
		this.tracker.increment(new ArticleProxy(7L), "downloads");
		assertThat(this.calls).containsExactly(new Call("ArticleTotals", "7", null, "downloads", 1));
	}

	@Test
	void stringAndUuidIdsAreCountedAsStrings() {
		UUID uuid = UUID.fromString("0b5d1c6e-7c39-4f0b-9a64-4f2f1d2d6a11");
		this.tracker.increment(new Tag("java"), "uses");
		this.tracker.increment(new Doc(uuid), "reads");
		assertThat(this.calls).containsExactly(new Call("TrackerTests$TagData", "java", null, "uses", 1),
				new Call("TrackerTests$DocData", uuid.toString(), null, "reads", 1));
	}

	@Test
	void anUnregisteredParentTypeThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tracker.increment(new Unregistered(), "views"))
			.withMessageContaining(Unregistered.class.getName() + " is not a registered parent");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tracker.increment(this.request, "a string", "views"))
			.withMessageContaining("java.lang.String is not a registered parent");
		assertThat(this.calls).isEmpty();
	}

	@Test
	void anUnknownFieldThrowsListingTheValidFields() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tracker.increment(this.request, this.article, "views"))
			.withMessageContaining("Unknown field 'views' for " + Article.class.getName())
			.withMessageContaining("impressions")
			.withMessageContaining("clickThroughs")
			.withMessageContaining("downloads");
		assertThat(this.calls).isEmpty();
	}

	@Test
	void aNonIntegerFieldThrows() {
		// Article has three datasets; the one that declares 'title' explains why it cannot be counted.
		assertThatIllegalArgumentException().isThrownBy(() -> this.tracker.increment(this.article, "title"))
			.withMessageContaining("Field 'title' of ArticleDailyData is not an integer counter");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tracker.increment(new Page(1L), "title"))
			.withMessageContaining("Field 'title' of TrackerTests$PageData is not an integer counter")
			.withMessageContaining("views");
		assertThat(this.calls).isEmpty();
	}

	@Test
	void anEntityWithoutAnIdThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tracker.increment(new Article(null), "impressions"))
			.withMessageContaining("Cannot count " + Article.class.getName() + " without an id");
		assertThat(this.calls).isEmpty();
	}

	@Test
	void anUnsupportedIdTypeThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tracker.increment(new Event(LocalDate.of(2026, 1, 1)), "attendees"))
			.withMessageContaining("Unsupported id type java.time.LocalDate");
		assertThat(this.calls).isEmpty();
	}

	@Test
	void anEmptyOrTooLongIdThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tracker.increment(new Tag(""), "uses"))
			.withMessageContaining("1 to 255 characters");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tracker.increment(new Tag("x".repeat(256)), "uses"))
			.withMessageContaining("1 to 255 characters");
		this.tracker.increment(new Tag("x".repeat(255)), "uses");
		assertThat(this.calls).singleElement().extracting(Call::parentId).isEqualTo("x".repeat(255));
	}

	@Test
	void aNegativeAmountThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tracker.increment(this.request, this.article, "impressions", -1))
			.withMessageContaining("Amount must be zero or positive")
			.withMessageContaining("use decrement");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tracker.increment(this.article, "impressions", -5));
		assertThatIllegalArgumentException().isThrownBy(() -> this.tracker.decrement(this.article, "impressions", -5));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tracker.decrement(this.request, this.article, "impressions", Long.MIN_VALUE));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tracker.increment(this.article, ArticleTotalData.class, "impressions", -2));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tracker.increment(this.article, "impressions", Long.MAX_VALUE));
		assertThat(this.calls).isEmpty();
	}

	@Test
	void anAmountOfZeroRecordsNothingButIsValidated() {
		this.tracker.increment(this.request, this.article, "impressions", 0);
		this.tracker.increment(this.article, "impressions", 0);
		this.tracker.decrement(this.article, "impressions", 0);
		this.tracker.increment(this.article, ArticleTotalData.class, "impressions", 0);
		assertThat(this.calls).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> this.tracker.increment(this.article, "views", 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tracker.increment(new Article(null), "impressions", 0));
	}

	@Test
	void aRequestFilterRejectingTheRequestRecordsNothing() {
		List<HttpServletRequest> seen = new ArrayList<>();
		Tracker filtered = tracker(BERLIN, (request) -> {
			seen.add(request);
			return request.getHeader("User-Agent") == null || !request.getHeader("User-Agent").contains("bot");
		});
		MockHttpServletRequest crawler = new MockHttpServletRequest();
		crawler.addHeader("User-Agent", "Googlebot/2.1");
		filtered.increment(crawler, this.article, "impressions");
		filtered.increment(crawler, this.article, "impressions", 3);
		filtered.decrement(crawler, this.article, "impressions");
		filtered.decrement(crawler, this.article, "impressions", 2);
		filtered.increment(crawler, this.article, ArticleTotalData.class, "impressions", 2);
		assertThat(this.calls).isEmpty();
		assertThat(seen).hasSize(5).containsOnly(crawler);

		filtered.increment(this.request, this.article, "downloads");
		assertThat(this.calls).containsExactly(new Call("ArticleTotals", "42", null, "downloads", 1));
	}

	@Test
	void countsRecordedAndFilteredCallsPerDataset() {
		Tracker filtered = tracker(BERLIN, (request) -> request.getHeader("User-Agent") == null);
		MockHttpServletRequest crawler = new MockHttpServletRequest();
		crawler.addHeader("User-Agent", "Googlebot/2.1");
		filtered.increment(this.request, this.article, "impressions", 5);
		filtered.decrement(this.request, this.article, "downloads");
		filtered.increment(this.article, "impressions", 0);
		filtered.increment(crawler, this.article, "downloads");
		filtered.increment(crawler, this.article, "impressions");

		assertThat(filtered.recordedIncrements("ArticleDailyData")).isEqualTo(1);
		assertThat(filtered.recordedIncrements("ArticleHourlyData")).isEqualTo(1);
		assertThat(filtered.recordedIncrements("ArticleTotals")).isEqualTo(2);
		assertThat(filtered.filteredIncrements("ArticleDailyData")).isEqualTo(1);
		assertThat(filtered.filteredIncrements("ArticleTotals")).isEqualTo(2);
		assertThat(filtered.filteredIncrements("PageData")).isZero();
	}

	@Test
	void everyRequestFilterMustAccept() {
		Tracker filtered = tracker(BERLIN, (request) -> true, (request) -> false);
		filtered.increment(this.request, this.article, "impressions");
		assertThat(this.calls).isEmpty();
	}

	@Test
	void theOverloadsWithoutRequestAreNotFiltered() {
		Tracker filtered = tracker(BERLIN, (request) -> false);
		filtered.increment(this.article, "downloads");
		filtered.decrement(this.article, "downloads", 2);
		assertThat(this.calls).containsExactly(new Call("ArticleTotals", "42", null, "downloads", 1),
				new Call("ArticleTotals", "42", null, "downloads", -2));
	}

	@Test
	void validationErrorsAreThrownEvenWhenAFilterRejectsTheRequest() {
		Tracker filtered = tracker(BERLIN, (request) -> false);
		assertThatIllegalArgumentException().isThrownBy(() -> filtered.increment(this.request, this.article, "views"))
			.withMessageContaining("Unknown field 'views'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> filtered.increment(this.request, new Unregistered(), "views"))
			.withMessageContaining("is not a registered parent");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> filtered.increment(this.request, new Article(null), "impressions"))
			.withMessageContaining("without an id");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> filtered.increment(this.request, this.article, "impressions", -1));
		assertThatIllegalArgumentException().isThrownBy(() -> filtered.increment(this.request, this.article, "title"));
		assertThat(this.calls).isEmpty();
	}

	@Test
	void registryReturnsTheTrackersRegistry() {
		assertThat(this.tracker.registry()).isSameAs(this.registry);
	}

	@Nested
	class StaticFacade {

		@AfterEach
		void unbind() {
			Trackable.unbind(TrackerTests.this.tracker);
		}

		@Test
		void throwsIllegalStateExceptionWhenNotBound() {
			Article article = TrackerTests.this.article;
			MockHttpServletRequest request = TrackerTests.this.request;
			assertThatIllegalStateException().isThrownBy(() -> Trackable.increment(request, article, "impressions"))
				.withMessageContaining("Trackable is not bound to a running application");
			assertThatIllegalStateException().isThrownBy(() -> Trackable.increment(article, "impressions"));
			assertThatIllegalStateException().isThrownBy(() -> Trackable.decrement(article, "impressions", 2));
			assertThatIllegalStateException().isThrownBy(Trackable::site);
			assertThat(TrackerTests.this.calls).isEmpty();
		}

		@Test
		void delegatesEveryMethodToTheBoundTracker() {
			Trackable.bind(TrackerTests.this.tracker);
			Article article = TrackerTests.this.article;
			MockHttpServletRequest request = TrackerTests.this.request;
			Trackable.increment(request, article, "downloads");
			Trackable.increment(request, article, "downloads", 2);
			Trackable.increment(request, article, ArticleTotalData.class, "downloads", 3);
			Trackable.decrement(request, article, "downloads");
			Trackable.decrement(request, article, "downloads", 4);
			Trackable.increment(article, "downloads");
			Trackable.increment(article, "downloads", 5);
			Trackable.increment(article, ArticleTotalData.class, "downloads", 6);
			Trackable.decrement(article, "downloads");
			Trackable.decrement(article, "downloads", 7);
			assertThat(TrackerTests.this.calls).extracting(Call::amount)
				.containsExactly(1L, 2L, 3L, -1L, -4L, 1L, 5L, 6L, -1L, -7L);
			assertThat(Trackable.site()).isSameAs(TrackerTests.this.registry);
		}

		@Test
		void propagatesTheTrackersValidationErrors() {
			Trackable.bind(TrackerTests.this.tracker);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Trackable.increment(TrackerTests.this.article, "views"))
				.withMessageContaining("Unknown field 'views'");
		}

		@Test
		void unbindOfAnotherTrackerLeavesTheBoundOne() {
			Trackable.bind(TrackerTests.this.tracker);
			Trackable.unbind(tracker(ZoneId.of("UTC")));
			Trackable.increment(TrackerTests.this.article, "downloads");
			assertThat(TrackerTests.this.calls).hasSize(1);
			assertThat(Trackable.site()).isSameAs(TrackerTests.this.registry);
		}

		@Test
		void unbindOfTheBoundTrackerUnbindsIt() {
			Trackable.bind(TrackerTests.this.tracker);
			Trackable.unbind(TrackerTests.this.tracker);
			assertThatIllegalStateException().isThrownBy(() -> Trackable.increment(TrackerTests.this.article, "downloads"));
			assertThat(TrackerTests.this.calls).isEmpty();
		}

		@Test
		void bindReplacesTheBoundTracker() {
			List<Call> other = new ArrayList<>();
			Tracker second = new Tracker(TrackerTests.this.registry, TrackerTests::readId,
					(dataset, parentId, period, counter, amount) -> other
						.add(new Call(dataset.name(), parentId.toString(), period, counter.name(), amount)),
					Clock.fixed(NOW, ZoneOffset.UTC), BERLIN, List.of());
			Trackable.bind(TrackerTests.this.tracker);
			Trackable.bind(second);
			try {
				Trackable.increment(TrackerTests.this.article, "downloads");
				assertThat(other).hasSize(1);
				assertThat(TrackerTests.this.calls).isEmpty();
			}
			finally {
				Trackable.unbind(second);
			}
		}

	}

	record Call(String dataset, String parentId, @Nullable LocalDateTime period, String counter, long amount) {
	}

	static class ArticleProxy extends Article {

		ArticleProxy(Long id) {
			super(id);
		}

	}

	static class Unregistered {

		Long id = 1L;

	}

	@Entity
	static class Page {

		@Id
		Long id;

		Page(Long id) {
			this.id = id;
		}

	}

	@Entity
	static class PageData extends TrackableData {

		long views;

		String title;

	}

	@Entity
	static class Tag {

		@Id
		String id;

		Tag(String id) {
			this.id = id;
		}

	}

	@Entity
	static class TagData extends TrackableData {

		long uses;

	}

	@Entity
	static class Doc {

		@Id
		UUID id;

		Doc(UUID id) {
			this.id = id;
		}

	}

	@Entity
	static class DocData extends TrackableData {

		long reads;

	}

	@Entity
	static class Event {

		@Id
		LocalDate id;

		Event(LocalDate id) {
			this.id = id;
		}

	}

	@Entity
	static class EventData extends TrackableData {

		long attendees;

	}

}
