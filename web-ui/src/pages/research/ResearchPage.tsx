import { SectionPage } from '../SectionPage';

export const RESEARCH_TABS = [
  { to: 'datasets', label: 'Datasets' },
  { to: 'runs', label: 'Runs' },
  { to: 'world-model', label: 'World model' },
] as const;

export function ResearchPage() {
  return (
    <SectionPage
      id="research"
      title="Research"
      lead="Datasets, training runs and offline evaluation reports."
      tabs={RESEARCH_TABS}
    />
  );
}
