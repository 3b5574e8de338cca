import { StatusIcon } from "../ui/StatusIcon";
import { securityIcons, type ArticleStatus } from "./securityIcons";

/** The security icons of one article, named as in docs/messages.md#incoming and described by the service's message. */
export function SecurityIcons({ article }: { article: ArticleStatus }) {
  const icons = securityIcons(article);
  if (icons.length === 0) return null;
  return (
    <span className="security-icons">
      {icons.map((icon) => (
        <StatusIcon key={icon.key} glyph={icon.glyph} label={icon.label} tone={icon.tone} description={icon.description || undefined} />
      ))}
    </span>
  );
}
