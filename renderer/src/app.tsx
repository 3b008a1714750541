import { ClipsView } from './clips/clips-view';
import { CoreStatusBanner } from './core-status/core-status-banner';
import { LibraryView } from './library/library-view';
import { PageDropZone } from './local-files/page-drop-zone';
import { ProtocolLinkPrompt } from './protocol-links/protocol-link-prompt';
import { ReaderView } from './reader/reader-view';
import { useRoute } from './route';
import { useTheme } from './ui/theme';
import { ToastProvider } from './ui/toast';

export function App() {
  const route = useRoute();
  const theme = useTheme();
  return (
    <ToastProvider>
      {route.name === 'reader' ? (
        <ReaderView
          key={`${route.id}/${route.highlight ?? ''}`}
          id={route.id}
          highlightId={route.highlight}
          theme={theme}
        />
      ) : route.name === 'clips' ? (
        <ClipsView route={route} theme={theme} />
      ) : (
        <LibraryView route={route} theme={theme} />
      )}
      <PageDropZone />
      <ProtocolLinkPrompt />
      <CoreStatusBanner />
    </ToastProvider>
  );
}
