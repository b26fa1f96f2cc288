# Events carry a digest of the case fields; photos get their own event kind.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0008_event_kind_flag'),
    ]

    operations = [
        migrations.AddField(
            model_name='caseevent',
            name='case_digest',
            field=models.CharField(blank=True, default='', max_length=64),
        ),
        migrations.AlterField(
            model_name='caseevent',
            name='kind',
            field=models.CharField(choices=[('submit', 'submitted'), ('answer', 'answered on the spot'), ('dispatch', 'dispatched'), ('accept', 'accepted'), ('return', 'returned as misrouted'), ('escalate', 'escalated'), ('resolve', 'resolved'), ('rate', 'rated'), ('reopen', 'reopened'), ('close', 'closed'), ('merge', 'merged'), ('note', 'internal note'), ('remind', 'reminder sent'), ('quarantine', 'quarantined as likely spam'), ('release', 'released from quarantine'), ('spam', 'confirmed as spam'), ('classify', 'category confirmed'), ('flag', "flagged to the county's leaders"), ('attach', 'photo attached')], max_length=10),
        ),
    ]
