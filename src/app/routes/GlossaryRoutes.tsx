export { GlossaryIndexPage } from '../../features/glossary/GlossaryIndexPage.tsx';
export { TermPage } from '../../features/glossary/TermPage.tsx';
export { ComparePage } from '../../features/glossary/ComparePage.tsx';
export { HubPage, LearnIndexPage } from '../../features/glossary/HubPage.tsx';
