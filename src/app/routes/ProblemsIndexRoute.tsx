export { ProblemsIndexPage } from '../../features/problems/ProblemsIndexPage.tsx';
