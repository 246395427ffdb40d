/**
 * What a path page, the paths index and the home page show of a path: its topics resolved to
 * entries, with level, study time and the prerequisites that are on the same path, grouped by
 * stage with totals. Resolved once per path per build.
 */
import { resolve, type Entry, type LearningPath } from '~/content';
import { keyOf } from '~/lib/graph';
import { aliasKeys, prerequisitesOf, routeOf, type RouteTopic } from '~/lib/learning-path';
import { nextUp } from '~/lib/progress';

/** One topic of a path, ready to render. */
export interface TopicView extends RouteTopic {
  entry: Entry & RouteTopic['entry'];
  /** Keys of the entry's prerequisites that are on this path, for the next-up rule in the browser. */
  prerequisites: string[];
  /** Their titles, in words for the reader. */
  after: string[];
  /** Former keys of the entry. */
  aliases: string[];
}

/** A stage with its topics and total study time. */
export interface StageView {
  number: number;
  title: string;
  summary: string;
  topics: TopicView[];
  minutes: number;
}

/** A path, resolved. */
export interface PathView {
  path: LearningPath;
  topics: TopicView[];
  stages: StageView[];
  minutes: number;
  optional: number;
  /** The topic a learner with no progress starts with. */
  first: TopicView | undefined;
}

const views = new Map<string, Promise<PathView>>();

async function build(path: LearningPath): Promise<PathView> {
  const route = routeOf(path);
  const entries = await resolve(route.map((topic) => topic.entry));
  const titles = new Map(entries.map((entry) => [keyOf(entry), entry.data.title]));
  const topics = route.map((topic, i): TopicView => {
    const entry = entries[i] as Entry;
    // Only prerequisites on this path count: the build checked they come first, and one
    // elsewhere in the guide must not hold the learner back on this route.
    const prerequisites = prerequisitesOf({ data: entry.data as unknown as Record<string, unknown> })
      .map((p) => p.key)
      .filter((key) => titles.has(key));
    return {
      ...topic,
      entry,
      prerequisites,
      after: prerequisites.map((key) => titles.get(key) ?? key),
      aliases: aliasKeys(entry),
    };
  });
  const minutesOf = (list: readonly TopicView[]) => list.reduce((sum, t) => sum + (t.entry.data.studyMinutes ?? 0), 0);
  const stages = path.data.stages.map((stage, i) => {
    const own = topics.filter((t) => t.stage === i + 1);
    return { number: i + 1, title: stage.title, summary: stage.summary, topics: own, minutes: minutesOf(own) };
  });
  return {
    path,
    topics,
    stages,
    minutes: minutesOf(topics),
    optional: topics.filter((t) => t.optional).length,
    first: nextUp(topics, () => false),
  };
}

/** The view of `path`; every page that shows the path shares one. */
export function pathView(path: LearningPath): Promise<PathView> {
  let view = views.get(path.id);
  if (!view) views.set(path.id, (view = build(path)));
  return view;
}
