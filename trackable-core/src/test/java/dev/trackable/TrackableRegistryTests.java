package dev.trackable;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrackableRegistryTests {

	private final TrackableRegistry registry = new TrackableRegistry();

	@Test
	void registerReturnsTheDatasetNamedAfterItsEntity() {
		Dataset dataset = this.registry.register(Article.class, ArticleDailyData.class);
		assertThat(dataset.name()).isEqualTo("ArticleDailyData");
		assertThat(dataset.dataClass()).isEqualTo(ArticleDailyData.class);
		assertThat(dataset.parentClass()).isEqualTo(Article.class);
		assertThat(dataset.parentType()).isEqualTo("Article");
		assertThat(dataset.toString()).isEqualTo("ArticleDailyData");
		assertThat(this.registry.datasets()).containsExactly(dataset);
	}

	@Test
	void namesRespectTheEntityAnnotationsName() {
		Dataset totals = this.registry.register(Article.class, ArticleTotalData.class);
		Dataset story = this.registry.register(NewsStory.class, StoryData.class);
		assertThat(totals.name()).isEqualTo("ArticleTotals");
		assertThat(story.parentType()).isEqualTo("Story");
		assertThat(this.registry.dataset("ArticleTotals")).isSameAs(totals);
		assertThat(this.registry.dataset("ArticleTotalData")).isNull();
	}

	@Test
	void namesOfNestedEntityClassesKeepTheEnclosingClassAsHibernateDoes() {
		Dataset story = this.registry.register(NewsStory.class, StoryData.class);
		assertThat(story.name()).isEqualTo("TrackableRegistryTests$StoryData");
		assertThat(this.registry.dataset("TrackableRegistryTests$StoryData")).isSameAs(story);
	}

	@Test
	void datasetLooksUpByNameAndReturnsNullForUnknownNames() {
		Dataset daily = this.registry.register(Article.class, ArticleDailyData.class);
		assertThat(this.registry.dataset("ArticleDailyData")).isSameAs(daily);
		assertThat(this.registry.dataset("Nope")).isNull();
		assertThat(this.registry.dataset("articledailydata")).isNull();
	}

	@Test
	void datasetsOfReturnsTheDatasetsOfTheRegisteredClass() {
		Dataset daily = this.registry.register(Article.class, ArticleDailyData.class);
		assertThat(this.registry.datasetsOf(Article.class)).containsExactly(daily);
	}

	@Test
	void datasetsOfASubclassSuchAsAProxyReturnsTheParentsDatasets() {
		Dataset daily = this.registry.register(Article.class, ArticleDailyData.class);
		assertThat(this.registry.datasetsOf(ArticleProxy.class)).containsExactly(daily);
		assertThat(this.registry.datasetsOf(ArticleProxy.class)).containsExactly(daily);
	}

	@Test
	void datasetsOfAnUnregisteredClassIsEmpty() {
		this.registry.register(Article.class, ArticleDailyData.class);
		assertThat(this.registry.datasetsOf(NewsStory.class)).isEmpty();
		assertThat(this.registry.datasetsOf(Object.class)).isEmpty();
	}

	@Test
	void severalDatasetsPerParentAreKeptInRegistrationOrder() {
		Dataset daily = this.registry.register(Article.class, ArticleDailyData.class);
		Dataset hourly = this.registry.register(Article.class, ArticleHourlyData.class, Period.HOUR);
		Dataset totals = this.registry.register(Article.class, ArticleTotalData.class);
		Dataset story = this.registry.register(NewsStory.class, StoryData.class);
		assertThat(this.registry.datasetsOf(Article.class)).containsExactly(daily, hourly, totals);
		assertThat(this.registry.datasetsOf(ArticleProxy.class)).containsExactly(daily, hourly, totals);
		assertThat(this.registry.datasetsOf(NewsStory.class)).containsExactly(story);
		assertThat(this.registry.datasets()).containsExactly(daily, hourly, totals, story);
	}

	@Test
	void registrationAfterALookupIsSeenByLaterLookupsOfSubclasses() {
		this.registry.register(Article.class, ArticleDailyData.class);
		assertThat(this.registry.datasetsOf(ArticleProxy.class)).hasSize(1);
		Dataset hourly = this.registry.register(Article.class, ArticleHourlyData.class, Period.HOUR);
		assertThat(this.registry.datasetsOf(ArticleProxy.class)).hasSize(2).contains(hourly);
		assertThat(this.registry.datasetsOf(NewsStory.class)).isEmpty();
		Dataset story = this.registry.register(NewsStory.class, StoryData.class);
		assertThat(this.registry.datasetsOf(NewsStory.class)).containsExactly(story);
	}

	@Test
	void parentOfReturnsTheParentOfARegisteredDataset() {
		this.registry.register(Article.class, ArticleDailyData.class);
		this.registry.register(NewsStory.class, StoryData.class);
		assertThat(this.registry.parentOf(ArticleDailyData.class)).contains(Article.class);
		assertThat(this.registry.parentOf(StoryData.class)).contains(NewsStory.class);
		assertThat(this.registry.parentOf(ArticleHourlyData.class)).isEmpty();
	}

	@Test
	void unregisterRemovesEveryDatasetOfTheParentOnly() {
		Dataset daily = this.registry.register(Article.class, ArticleDailyData.class);
		Dataset totals = this.registry.register(Article.class, ArticleTotalData.class);
		Dataset story = this.registry.register(NewsStory.class, StoryData.class);
		assertThat(this.registry.datasetsOf(ArticleProxy.class)).hasSize(2);

		assertThat(this.registry.unregister(Article.class)).containsExactly(daily, totals);

		assertThat(this.registry.datasetsOf(Article.class)).isEmpty();
		assertThat(this.registry.datasetsOf(ArticleProxy.class)).isEmpty();
		assertThat(this.registry.dataset("ArticleDailyData")).isNull();
		assertThat(this.registry.dataset("ArticleTotals")).isNull();
		assertThat(this.registry.parentOf(ArticleDailyData.class)).isEmpty();
		assertThat(this.registry.datasets()).containsExactly(story);
		assertThat(this.registry.datasetsOf(NewsStory.class)).containsExactly(story);
	}

	@Test
	void unregisterOfAnUnregisteredParentRemovesNothing() {
		Dataset daily = this.registry.register(Article.class, ArticleDailyData.class);
		assertThat(this.registry.unregister(NewsStory.class)).isEmpty();
		assertThat(this.registry.datasets()).containsExactly(daily);
	}

	@Test
	void aDatasetCanBeRegisteredAgainAfterUnregister() {
		this.registry.register(Article.class, ArticleDailyData.class);
		this.registry.unregister(Article.class);
		Dataset again = this.registry.register(Article.class, ArticleDailyData.class, Period.WEEK);
		assertThat(again.period()).isEqualTo(Period.WEEK);
		assertThat(this.registry.datasetsOf(Article.class)).containsExactly(again);
	}

	@Test
	void registeringTheSamePairTwiceThrowsAndKeepsTheFirst() {
		Dataset first = this.registry.register(Article.class, ArticleDailyData.class);
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.register(Article.class, ArticleDailyData.class))
			.withMessage("ArticleDailyData is already registered for " + Article.class.getName());
		assertThat(this.registry.datasets()).containsExactly(first);
		assertThat(this.registry.datasetsOf(Article.class)).containsExactly(first);
	}

	@Test
	void registeringADatasetOfAnotherParentThrows() {
		this.registry.register(Article.class, ArticleDailyData.class);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.registry.register(NewsStory.class, ArticleDailyData.class))
			.withMessageContaining("ArticleDailyData is already registered for another parent")
			.withMessageContaining(Article.class.getName())
			.withMessageContaining("a dataset belongs to one parent");
		assertThat(this.registry.datasetsOf(NewsStory.class)).isEmpty();
	}

	@Test
	void aDataClassThatIsNotAnEntityIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.register(Article.class, NotAnEntity.class))
			.withMessage(NotAnEntity.class.getName() + " is not a JPA @Entity");
		assertThat(this.registry.datasets()).isEmpty();
	}

	@Test
	void aParentThatIsNotAnEntityIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.registry.register(PlainParent.class, ArticleDailyData.class))
			.withMessage(PlainParent.class.getName() + " is not a JPA @Entity");
		assertThat(this.registry.datasets()).isEmpty();
	}

	@Test
	void aDataClassWithoutCountersIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.register(Article.class, NoCounters.class))
			.withMessageContaining(NoCounters.class.getName())
			.withMessageContaining("declares no counter");
		assertThat(this.registry.datasets()).isEmpty();
	}

	@Test
	void countersAreIntLongIntegerAndLongFields() {
		Dataset daily = this.registry.register(Article.class, ArticleDailyData.class);
		assertThat(daily.counterNames()).containsExactlyInAnyOrder("impressions", "clickThroughs", "shares", "likes");
		assertThat(daily.counter("impressions").type()).isEqualTo(long.class);
		assertThat(daily.counter("clickThroughs").type()).isEqualTo(int.class);
		assertThat(daily.counter("shares").type()).isEqualTo(Integer.class);
		assertThat(daily.counter("likes").type()).isEqualTo(Long.class);
		assertThat(daily.counter("impressions").maxValue()).isEqualTo(Long.MAX_VALUE);
		assertThat(daily.counter("likes").maxValue()).isEqualTo(Long.MAX_VALUE);
		assertThat(daily.counter("clickThroughs").maxValue()).isEqualTo(Integer.MAX_VALUE);
		assertThat(daily.counter("shares").maxValue()).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void counterIndexesArePositionsInTheCounterList() {
		Dataset daily = this.registry.register(Article.class, ArticleDailyData.class);
		List<Dataset.Counter> counters = daily.counters();
		for (int i = 0; i < counters.size(); i++) {
			assertThat(counters.get(i).index()).isEqualTo(i);
			assertThat(daily.counter(counters.get(i).name())).isEqualTo(counters.get(i));
		}
		assertThat(daily.counterNames()).isEqualTo(counters.stream().map(Dataset.Counter::name).toList());
	}

	@Test
	void staticTransientAndAnnotatedTransientFieldsAreNotCounters() {
		Dataset daily = this.registry.register(Article.class, ArticleDailyData.class);
		assertThat(daily.hasCounter("staticCount")).isFalse();
		assertThat(daily.hasCounter("transientCount")).isFalse();
		assertThat(daily.hasCounter("annotatedTransient")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> daily.counter("transientCount"))
			.withMessageContaining("Unknown field 'transientCount'");
	}

	@Test
	void aStringFieldIsNotACounter() {
		Dataset daily = this.registry.register(Article.class, ArticleDailyData.class);
		assertThat(daily.hasCounter("title")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> daily.counter("title"))
			.withMessageContaining("Field 'title' of ArticleDailyData is not an integer counter")
			.withMessageContaining("impressions");
	}

	@Test
	void unknownCounterMessageListsTheValidOnes() {
		Dataset daily = this.registry.register(Article.class, ArticleDailyData.class);
		assertThatIllegalArgumentException().isThrownBy(() -> daily.counter("views"))
			.withMessageContaining("Unknown field 'views' for dataset ArticleDailyData")
			.withMessageContaining("impressions")
			.withMessageContaining("clickThroughs")
			.withMessageContaining("shares")
			.withMessageContaining("likes");
	}

	@Test
	void countersDeclaredInAMappedSuperclassAreFound() {
		Dataset dataset = this.registry.register(Article.class, DerivedData.class);
		assertThat(dataset.counterNames()).containsExactlyInAnyOrder("own", "inherited");
		assertThat(dataset.hasCounter("id")).isFalse();
		assertThat(dataset.hasCounter("parentId")).isFalse();
	}

	@Test
	void timeSeriesGetTheirPeriodAndDayByDefault() {
		Dataset daily = this.registry.register(Article.class, ArticleDailyData.class);
		Dataset hourly = this.registry.register(Article.class, ArticleHourlyData.class, Period.HOUR);
		assertThat(daily.period()).isEqualTo(Period.DAY);
		assertThat(daily.isTimeSeries()).isTrue();
		assertThat(hourly.period()).isEqualTo(Period.HOUR);
	}

	@Test
	void allTimeTotalsHaveNoPeriodWhateverIsPassed() {
		Dataset totals = this.registry.register(Article.class, ArticleTotalData.class, Period.HOUR);
		assertThat(totals.period()).isNull();
		assertThat(totals.isTimeSeries()).isFalse();
	}

	@Test
	void listDisplayWithKnownColumnsIsKept() {
		TrackableAdmin admin = TrackableAdmin.listDisplay("parent", "collectedDuring", "impressions", "title");
		Dataset daily = this.registry.register(Article.class, ArticleDailyData.class, admin);
		assertThat(daily.admin().listDisplay()).containsExactly("parent", "collectedDuring", "impressions", "title");
		assertThat(this.registry.register(Article.class, ArticleTotalData.class).admin())
			.isEqualTo(TrackableAdmin.DEFAULT);
	}

	@Test
	void listDisplayWithAnUnknownColumnThrowsListingValidColumns() {
		TrackableAdmin admin = TrackableAdmin.listDisplay("parent", "views");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.registry.register(Article.class, ArticleDailyData.class, admin))
			.withMessageContaining("listDisplay column 'views' is not an attribute of ArticleDailyData")
			.withMessageContaining("valid columns: [parent, parentType, parentId, collectedDuring")
			.withMessageContaining("impressions")
			.withMessageContaining("title");
		assertThat(this.registry.datasets()).isEmpty();
	}

	@Test
	void listDisplayOfAllTimeTotalsHasNoPeriodColumn() {
		TrackableAdmin admin = TrackableAdmin.listDisplay("collectedDuring");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.registry.register(Article.class, ArticleTotalData.class, admin))
			.withMessageContaining("'collectedDuring'")
			.withMessageContaining("valid columns: [parent, parentType, parentId, ")
			.withMessageContaining("impressions")
			.withMessageContaining("downloads")
			.satisfies((ex) -> assertThat(ex.getMessage().substring(ex.getMessage().indexOf("valid columns")))
				.doesNotContain("collectedDuring"));
	}

	@Test
	void registerAnnotatedRegistersAnnotatedDataClassesOnly() {
		List<Dataset> registered = this.registry
			.registerAnnotated(List.of(Article.class, ArticleDailyData.class, AnnotatedStoryData.class));
		assertThat(registered).singleElement().satisfies((dataset) -> {
			assertThat(dataset.dataClass()).isEqualTo(AnnotatedStoryData.class);
			assertThat(dataset.parentClass()).isEqualTo(NewsStory.class);
			assertThat(dataset.period()).isEqualTo(Period.WEEK);
		});
		assertThat(this.registry.datasetsOf(NewsStory.class)).isEqualTo(registered);
	}

	@Test
	void registerAnnotatedRejectsAnAnnotatedClassThatIsNotTrackableData() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.registry.registerAnnotated(List.of(AnnotatedNotData.class)))
			.withMessageContaining("does not extend TrackableData");
	}

	/** What a lazy-loading proxy class looks like: an undeclared subclass of the entity. */
	static class ArticleProxy extends Article {

	}

	@Entity(name = "Story")
	static class NewsStory {

		@Id
		Long id;

	}

	@Entity
	static class StoryData extends TrackableData {

		long views;

	}

	static class PlainParent {

		Long id;

	}

	static class NotAnEntity extends TrackableData {

		long views;

	}

	@Entity
	static class NoCounters extends TrackableData {

		String note;

		Double score;

		transient long notPersistent;

	}

	@MappedSuperclass
	abstract static class BaseCounters extends TrackableData {

		long inherited;

	}

	@Entity
	static class DerivedData extends BaseCounters {

		long own;

	}

	@Entity
	@TrackableDataset(parent = NewsStory.class, period = Period.WEEK)
	static class AnnotatedStoryData extends TrackableTimeSeriesData {

		long reads;

	}

	@Entity
	@TrackableDataset(parent = NewsStory.class)
	static class AnnotatedNotData {

		@Id
		Long id;

	}

}
