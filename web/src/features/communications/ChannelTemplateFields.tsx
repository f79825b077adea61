import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../../ui/fields.js';
import { SENDABLE_TEMPLATES, TEMPLATE_CHANNELS, type TemplateChannel, type MessageTemplate } from './api.js';

const MESSAGE_CHANNELS = ['email', 'sms'] as const;

/**
 * A channel and one of its templates, chosen together: changing the channel keeps the template when it exists there,
 * else falls back to the reminder (every channel has it). Used by the case's message form and the campaign form.
 */
export function ChannelTemplateFields<Channel extends TemplateChannel>(props: {
  idPrefix: string;
  /** The channels offered: e-mail and SMS unless given (a campaign also writes letters). */
  channels?: readonly Channel[];
  channel: Channel;
  template: MessageTemplate;
  onChange: (choice: { channel: Channel; template: MessageTemplate }) => void;
}) {
  const { t } = useTranslation();
  const templates = SENDABLE_TEMPLATES.filter((name) => TEMPLATE_CHANNELS[name].includes(props.channel));
  return (
    <>
      <CodeSelect
        id={`${props.idPrefix}-channel`}
        label={t('messages.channel')}
        group="values.channels"
        values={props.channels ?? (MESSAGE_CHANNELS as readonly TemplateChannel[] as readonly Channel[])}
        value={props.channel}
        onChange={(channel) =>
          props.onChange({
            channel,
            template: TEMPLATE_CHANNELS[props.template].includes(channel) ? props.template : 'reminder',
          })
        }
      />
      <CodeSelect
        id={`${props.idPrefix}-template`}
        label={t('messages.template')}
        group="values.messageTemplates"
        values={templates}
        value={props.template}
        onChange={(template) => props.onChange({ channel: props.channel, template })}
      />
    </>
  );
}
