import { MessagePage } from '../components/ui/MessagePage.tsx';

export function NotFoundPage() {
  return <MessagePage title="Page not found" message="There is nothing at this address." linkTo="/" linkText="Go to the home page" />;
}
